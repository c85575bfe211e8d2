import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUMMARY_MAX_LENGTH, summarizeReview } from '../../../../src/main/core/reviews/review-summary';

describe('summarizeReview', () => {
  it.each([
    ['approval with options', 'approval', { options: [{ id: 'y', label: 'Ship it' }, { id: 'n', label: 'Hold' }] }, null, 'Ship it / Hold'],
    ['approval without options uses the UI default', 'approval', {}, null, 'Approve / Reject'],
    ['approval option without label uses its id', 'approval', { options: [{ id: 'go' }, { label: 'Stop' }] }, null, 'go / Stop'],
    ['approval with the text', 'approval', {}, 'Deploy **v2.3** to production?', 'Approve / Reject — Deploy v2.3 to production?'],
    [
      'single selection',
      'selection',
      { items: [{ id: '1', label: 'A' }, { id: '2', label: 'B' }, { id: '3', label: 'C' }, { id: '4', label: 'D' }] },
      null,
      'Pick one of 4: A, B, C…',
    ],
    ['multi selection', 'selection', { mode: 'multi', items: [{ id: 'a', label: 'Red' }, { id: 'b', label: 'Blue' }] }, null, 'Pick any of 2: Red, Blue'],
    ['selection without items falls back to text', 'selection', { items: [] }, 'Which one?', 'Which one?'],
    [
      'form',
      'form',
      { fields: [{ name: 'n', label: 'Name' }, { name: 'budget', label: 'Budget' }, { name: 'date', type: 'date', label: 'Date' }] },
      null,
      'Form: 3 fields (Name, Budget, Date)',
    ],
    ['form field without label uses its name', 'form', { fields: [{ name: 'email' }] }, null, 'Form: 1 field (email)'],
    [
      'form with many fields',
      'form',
      { fields: ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({ name, label: name.toUpperCase() })) },
      null,
      'Form: 6 fields (A, B, C, D…)',
    ],
    ['text-input with placeholder', 'text-input', { placeholder: 'Describe the bug' }, null, 'Text reply: Describe the bug'],
    ['text-input with prompt', 'text-input', { prompt: 'Why?', placeholder: 'x' }, null, 'Text reply: Why?'],
    ['text-input bare', 'text-input', {}, null, 'Text reply'],
    ['freeform with plugin', 'freeform', { plugin: '@acme/diff' }, null, 'Freeform review (@acme/diff)'],
    ['freeform bare', 'freeform', { anything: [1, 2] }, null, 'Freeform review'],
    ['unknown type falls back to the text', 'vote', { x: 1 }, '# Vote\nfor the *new* logo', 'Vote for the new logo'],
    ['unknown type without text', 'vote', null, null, 'Review (vote)'],
    ['no type, no payload, no text', undefined, undefined, undefined, 'Review'],
  ])('%s', (_name, type, payload, text, expected) => {
    expect(summarizeReview(type, payload, text)).toBe(expected);
  });

  it.each([
    ['payload is an array', 'approval', [1, 2, 3]],
    ['payload is a string', 'form', 'fields'],
    ['payload is a number', 'selection', 42],
    ['options is a string', 'approval', { options: 'yes/no' }],
    ['items are junk', 'selection', { items: [null, 3, [], { label: { nested: true } }, { id: 7 }] }],
    ['fields are junk', 'form', { fields: [null, { label: ['x'] }, 'name'] }],
    ['prototype keys', 'approval', JSON.parse('{"__proto__": {"options": [{"label": "evil"}]}, "constructor": 1}')],
    ['type is an object', { toString: 1 }, {}],
  ])('survives junk: %s', (_name, type, payload) => {
    const out = summarizeReview(type, payload, 'Fallback text');
    expect(typeof out).toBe('string');
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThanOrEqual(SUMMARY_MAX_LENGTH);
  });

  it('uses numeric ids and skips junk entries', () => {
    expect(summarizeReview('selection', { items: [null, { id: 7 }, { label: 'Ok' }] }, null)).toBe('Pick one of 3: 7, Ok');
  });

  it('does not pick up a prototype-polluting payload key', () => {
    const payload = JSON.parse('{"__proto__": {"options": [{"label": "evil"}]}}');
    expect(summarizeReview('approval', payload, null)).toBe('Approve / Reject');
  });

  it('caps long labels and the whole line', () => {
    const long = 'x'.repeat(10_000);
    const out = summarizeReview('approval', { options: [{ label: long }, { label: long }] }, long);
    expect(out.length).toBe(SUMMARY_MAX_LENGTH);
    expect(out.endsWith('…')).toBe(true);
    expect(out.startsWith('x'.repeat(39) + '… / ')).toBe(true);
  });

  it('looks only at the first entries of a huge list but counts them all', () => {
    const items = Array.from({ length: 100_000 }, (_, i) => ({ id: String(i), label: `Item ${i}` }));
    const started = performance.now();
    expect(summarizeReview('selection', { items }, null)).toBe('Pick one of 100000: Item 0, Item 1, Item 2…');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('keeps it on one line, without control or bidi characters', () => {
    const out = summarizeReview('approval', { options: [{ label: 'Ok\u202E\nyes' }] }, 'line one\n\nline\ttwo\u0007');
    expect(out).toBe('Ok yes — line one line two');
  });

  it('never throws and never exceeds the cap on any JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom('approval', 'selection', 'form', 'text-input', 'freeform'), fc.jsonValue()), fc.jsonValue(), fc.option(fc.string()), (type, payload, text) => {
        const out = summarizeReview(type, payload, text);
        expect(out.length).toBeGreaterThan(0);
        expect(out.length).toBeLessThanOrEqual(SUMMARY_MAX_LENGTH);
        expect(out).not.toMatch(/[\n\r\t]/);
      }),
      { numRuns: 500 },
    );
  });
});
