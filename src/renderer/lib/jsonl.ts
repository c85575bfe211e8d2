import type { InspectorEntry } from '../../shared/domain';

/** Entries are redacted by main already; the export adds nothing but line breaks. */
export const toJsonl = (entries: InspectorEntry[]): string => entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : '');

export function downloadText(filename: string, text: string, type = 'application/x-ndjson'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
