// Review payloads are free-form JSON from agents (PROTOCOL.md §4.2): read them defensively.

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v.slice(0, 200) : []);

export interface ApprovalOption { id: string; label: string; style: string }
export interface SelectionItem { id: string; label: string; description: string | null }
export interface FormField {
  name: string;
  type: string;
  label: string;
  required: boolean;
  placeholder: string | null;
  options: string[];
  unit: string | null;
  description: string | null;
}

export const reviewTypeLabel = (type: string): string =>
  ({ approval: 'Approval', selection: 'Selection', form: 'Form', 'text-input': 'Text input', freeform: 'Freeform' })[type] ?? `Custom (${type})`;

export function approvalOptions(payload: Json | null): ApprovalOption[] {
  const opts = list(payload?.options)
    .filter(isObj)
    .map((o) => ({ id: str(o.id) ?? '', label: str(o.label) ?? str(o.id) ?? '?', style: str(o.style) ?? 'secondary' }));
  return opts.length > 0
    ? opts
    : [
        { id: 'approve', label: 'Approve', style: 'primary' },
        { id: 'reject', label: 'Reject', style: 'danger' },
      ];
}

export function selectionItems(payload: Json | null): SelectionItem[] {
  return list(payload?.items)
    .filter(isObj)
    .map((i) => ({ id: str(i.id) ?? '', label: str(i.label) ?? str(i.id) ?? '?', description: str(i.description) }));
}

export function formFields(payload: Json | null): FormField[] {
  return list(payload?.fields)
    .filter(isObj)
    .map((f) => ({
      name: str(f.name) ?? '',
      type: str(f.type) ?? 'text',
      label: str(f.label) ?? str(f.name) ?? '?',
      required: f.required === true,
      placeholder: str(f.placeholder),
      options: list(f.options).map((o) => (isObj(o) ? (str(o.label) ?? str(o.value) ?? '') : (str(o) ?? ''))),
      unit: str(f.unit),
      description: str(f.description),
    }));
}

export const isDismissed = (response: Json | null): boolean => response?._dismissed === true;

export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** Form answers as label/value rows, password fields masked. */
export function formAnswers(payload: Json | null, response: Json): { label: string; value: string }[] {
  const fields = formFields(payload);
  const known = new Set(fields.map((f) => f.name));
  const rows = fields.map((f) => ({
    label: f.label,
    value: f.type === 'password' && response[f.name] !== undefined && response[f.name] !== '' ? '••••••••' : formatValue(response[f.name]),
  }));
  for (const [k, v] of Object.entries(response)) if (!known.has(k) && !k.startsWith('_')) rows.push({ label: k, value: formatValue(v) });
  return rows;
}

export function prettyJson(v: unknown, max = 4_000): string {
  let s: string;
  try {
    s = JSON.stringify(v, null, 2) ?? '';
  } catch {
    s = String(v);
  }
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/**
 * One line saying what the human answered, for the review queue, the tray and notifications.
 * Passwords are masked; unknown shapes fall back to compact JSON.
 */
export function answerSummary(type: string, payload: Json | null, response: Json | null, max = 200): string | null {
  if (!response) return null;
  let text: string;
  if (isDismissed(response)) text = 'Dismissed';
  else if (type === 'approval') {
    const id = str(response.selectedOption);
    const label = approvalOptions(payload).find((o) => o.id === id)?.label ?? id ?? '—';
    const comment = str(response.comment);
    text = `Chose ${label}${comment ? ` — “${comment}”` : ''}`;
  } else if (type === 'selection') {
    const ids = Array.isArray(response.selectedIds) ? response.selectedIds.map(String) : [];
    const items = selectionItems(payload);
    text = `Selected ${ids.length ? ids.map((id) => items.find((i) => i.id === id)?.label ?? id).join(', ') : 'nothing'}`;
  } else if (type === 'form') {
    text = formAnswers(payload, response).map((r) => `${r.label}: ${r.value}`).join(' · ') || 'Submitted an empty form';
  } else if (type === 'text-input') {
    text = formatValue(response.text);
  } else {
    text = prettyJson(response, max).replace(/\s+/g, ' ');
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
