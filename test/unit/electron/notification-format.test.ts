import { describe, expect, it } from 'vitest';
import { escapeNotificationMarkup, formatNotification, maxBodyLength, maxTitleLength } from '../../../src/main/electron/notification-format';
import { notice } from './notices';

describe('formatNotification', () => {
  it('keeps the notice id, so a reminder replaces the review’s notification in place', () => {
    expect(formatNotification(notice(), 'darwin').id).toBe('review:a1:m1');
  });

  it('escapes notification markup on Linux only', () => {
    const n = notice({ body: `<b>bold</b> & <a href="javascript:x">'link'</a> <img src=x onerror=alert(1)>` });
    const linux = formatNotification(n, 'linux').body;
    expect(linux).toBe('&lt;b&gt;bold&lt;/b&gt; &amp; &lt;a href=&quot;javascript:x&quot;&gt;&#39;link&#39;&lt;/a&gt; &lt;img src=x onerror=alert(1)&gt;');
    expect(linux).not.toMatch(/[<>"']/);
    expect(formatNotification(n, 'darwin').body).toBe(n.body);
    expect(formatNotification(n, 'win32').body).toBe(n.body);
  });

  it('caps title and body before escaping, never cutting an entity', () => {
    const long = notice({ title: 't'.repeat(500), body: '&'.repeat(1_000) });
    const f = formatNotification(long, 'linux');
    expect(Array.from(f.title)).toHaveLength(maxTitleLength);
    expect(f.title.endsWith('…')).toBe(true);
    expect(f.body).toBe(`${'&amp;'.repeat(maxBodyLength - 1)}…`);
    const emoji = formatNotification(notice({ body: '😀'.repeat(400) }), 'darwin').body;
    expect(Array.from(emoji)).toHaveLength(maxBodyLength);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('drops control and bidi-override characters but keeps newlines', () => {
    const f = formatNotification(notice({ title: 'a\u0000b\u202Ec', body: 'line 1\nline\u0007 2\u2066' }), 'linux');
    expect(f.title).toBe('abc');
    expect(f.body).toBe('line 1\nline 2');
  });

  it('falls back to the app name for an empty title', () => {
    expect(formatNotification(notice({ title: '\u0000 ' }), 'win32').title).toBe('Placet Companion');
  });

  it('offers Open and Snooze on review notices only', () => {
    expect(formatNotification(notice(), 'darwin').actions.map((a) => a.text)).toEqual(['Open', 'Snooze reminder']);
    expect(formatNotification(notice({ kind: 'review-reminder' }), 'win32').actions).toHaveLength(2);
    expect(formatNotification(notice({ kind: 'connection', accountId: undefined, messageId: undefined }), 'darwin').actions).toEqual([]);
    expect(formatNotification(notice({ kind: 'review-new', messageId: undefined }), 'darwin').actions).toEqual([]);
  });

  it('keeps critical reminders on screen and low-urgency ones quiet', () => {
    expect(formatNotification(notice({ urgency: 'critical' }), 'linux')).toMatchObject({ urgency: 'critical', timeoutType: 'never', silent: false });
    expect(formatNotification(notice({ urgency: 'low' }), 'linux')).toMatchObject({ timeoutType: 'default', silent: true });
    expect(formatNotification(notice(), 'linux', { sound: false }).silent).toBe(true);
  });
});

describe('escapeNotificationMarkup', () => {
  it('escapes the five markup characters and nothing else', () => {
    expect(escapeNotificationMarkup(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeNotificationMarkup('plain text ✓')).toBe('plain text ✓');
    expect(escapeNotificationMarkup('&amp;')).toBe('&amp;amp;');
  });
});
