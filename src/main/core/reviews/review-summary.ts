import { oneLine, previewText } from './plain-text';

// One readable line of what a review asks, for the review queue and its notification. The
// payload comes from an agent and is not validated by the server beyond "an object"
// (PROTOCOL.md §4.1), so every field is read defensively and nothing here throws.

export const SUMMARY_MAX_LENGTH = 200;
const LABEL_MAX = 40;
const LABELS_SHOWN = 3;

/**
 * `<what is asked> — <message text>`, e.g. "Approve / Reject — Deploy v2.3 to production?".
 * Falls back to the message text alone, then to a generic line for the type. Capped at
 * SUMMARY_MAX_LENGTH characters.
 */
export function summarizeReview(type: unknown, payload: unknown, text: unknown): string {
  let ask: string | null;
  try {
    ask = describeAsk(type, isRecord(payload) ? payload : {});
  } catch {
    ask = null; // A payload no rule foresaw still gets a summary from the text.
  }
  const body = typeof text === 'string' ? previewText(text, SUMMARY_MAX_LENGTH) : '';
  const line = ask && body ? `${ask} — ${body}` : ask || body || genericAsk(type);
  return oneLine(line, SUMMARY_MAX_LENGTH);
}

/** What the review asks, from its type and payload alone; null when the payload says nothing usable. */
export function describeAsk(type: unknown, payload: Record<string, unknown>): string | null {
  switch (type) {
    case 'approval': {
      const labels = labelsOf(payload.options, ['label', 'id']);
      return labels.length ? listLabels(labels, ' / ', 4) : 'Approve / Reject';
    }
    case 'selection': {
      const items = Array.isArray(payload.items) ? payload.items : [];
      if (!items.length) return null;
      const verb = payload.mode === 'multi' ? 'Pick any' : 'Pick one';
      return `${verb} of ${items.length}: ${listLabels(labelsOf(items, ['label', 'id']), ', ', LABELS_SHOWN, items.length)}`;
    }
    case 'form': {
      const fields = Array.isArray(payload.fields) ? payload.fields : [];
      if (!fields.length) return 'Form';
      const noun = fields.length === 1 ? 'field' : 'fields';
      const labels = labelsOf(fields, ['label', 'name']);
      const shown = labels.length ? ` (${listLabels(labels, ', ', 4, fields.length)})` : '';
      return `Form: ${fields.length} ${noun}${shown}`;
    }
    case 'text-input': {
      const prompt = cleanLabel(payload.prompt) ?? cleanLabel(payload.placeholder, 80);
      return prompt ? `Text reply: ${prompt}` : 'Text reply';
    }
    case 'freeform': {
      const plugin = cleanLabel(payload.plugin);
      return plugin ? `Freeform review (${plugin})` : 'Freeform review';
    }
    default:
      return null;
  }
}

function genericAsk(type: unknown): string {
  const name = cleanLabel(type);
  return name ? `Review (${name})` : 'Review';
}

/** The first readable label of each entry, looking at `keys` in order; strings count as labels. */
function labelsOf(list: unknown, keys: string[]): string[] {
  if (!Array.isArray(list)) return [];
  const labels: string[] = [];
  // Only the first few entries are looked at: an agent may send 100k options.
  for (const entry of list.slice(0, 20)) {
    const label = typeof entry === 'string' ? cleanLabel(entry) : isRecord(entry) ? firstLabel(entry, keys) : null;
    if (label) labels.push(label);
  }
  return labels;
}

function firstLabel(entry: Record<string, unknown>, keys: string[]): string | null {
  for (const key of keys) {
    const label = cleanLabel(entry[key]);
    if (label) return label;
  }
  return null;
}

/** "A, B, C…" — `total` is how many there really are, when more than the labels found. */
function listLabels(labels: string[], separator: string, shown: number, total = labels.length): string {
  const more = Math.max(total, labels.length) > shown;
  return labels.slice(0, shown).join(separator) + (more ? '…' : '');
}

function cleanLabel(value: unknown, max = LABEL_MAX): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const label = previewText(String(value), max);
  return label || null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
