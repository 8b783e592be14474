/** A labelled input, textarea or select: the one shape every editing form is built from. */
import { useId } from 'react';
import type { ReactNode } from 'react';

interface FieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly multiline?: boolean;
  readonly type?: 'text' | 'url' | 'number';
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  readonly required?: boolean;
  readonly placeholder?: string;
  readonly hint?: ReactNode;
  readonly dir?: 'auto';
}

export function Field({
  label,
  value,
  onChange,
  multiline,
  type = 'text',
  options,
  required,
  placeholder,
  hint,
  dir,
}: FieldProps) {
  const id = useId();
  const common = { id, value, required, placeholder, className: 'edit-field__input', 'aria-required': required } as const;
  return (
    <div className="edit-field">
      <label className="edit-field__label" htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {options ? (
        <select {...common} onChange={(event) => onChange(event.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : multiline ? (
        <textarea {...common} dir={dir} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} dir={dir} type={type} onChange={(event) => onChange(event.target.value)} />
      )}
      {hint && <p className="edit-field__hint muted">{hint}</p>}
    </div>
  );
}
