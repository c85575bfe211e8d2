import { clockTime } from '../lib/format';
import { approvalOptions, formAnswers, formatValue, isDismissed, prettyJson, selectionItems, str } from '../../shared/reviews/review-payload';

type Json = Record<string, unknown>;

function Body({ type, payload, response }: { type: string; payload: Json | null; response: Json }) {
  if (isDismissed(response)) return <p>Dismissed without an answer.</p>;
  switch (type) {
    case 'approval': {
      const id = str(response.selectedOption);
      const option = approvalOptions(payload).find((o) => o.id === id);
      return (
        <>
          <p>
            Chose <strong>{option?.label ?? id ?? '—'}</strong>
          </p>
          {str(response.comment) && <p className="response-comment">“{str(response.comment)}”</p>}
        </>
      );
    }
    case 'selection': {
      const ids = Array.isArray(response.selectedIds) ? response.selectedIds.map(String) : [];
      const items = selectionItems(payload);
      const labels = ids.map((id) => items.find((i) => i.id === id)?.label ?? id);
      return <p>Selected: {labels.length ? labels.join(', ') : 'nothing'}</p>;
    }
    case 'form':
      return (
        <dl className="response-form">
          {formAnswers(payload, response).map((row) => (
            <div key={row.label} className="field-row">
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'text-input':
      return <p className="response-text" dir="auto">{formatValue(response.text)}</p>;
    default:
      return <pre className="response-json">{prettyJson(response)}</pre>;
  }
}

export function ReviewResponse({ type, payload, response, completedAt }: { type: string; payload: Json | null; response: Json; completedAt: string | null }) {
  return (
    <div className="review-response" aria-label="Response">
      <h4 className="response-title">Answer{completedAt && <span className="response-when"> · {clockTime(completedAt)}</span>}</h4>
      <Body type={type} payload={payload} response={response} />
    </div>
  );
}
