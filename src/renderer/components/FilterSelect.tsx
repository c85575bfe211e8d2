export interface FilterOption {
  value: string;
  label: string;
}

/** A labelled `<select>` whose empty value means "all": the filters of the queue and the inspector. */
export function FilterSelect({ label, allLabel, value, options, onChange }: { label: string; allLabel: string; value: string; options: FilterOption[]; onChange: (value: string) => void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
