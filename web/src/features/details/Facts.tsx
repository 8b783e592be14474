/** A definition list of labelled values, skipping the ones that are unknown. */
import type { ReactNode } from 'react';

export type FactRow = readonly [label: string, value: ReactNode | undefined];

export function Facts({ rows }: { readonly rows: readonly FactRow[] }) {
  const known = rows.filter(([, value]) => value !== undefined && value !== '' && value !== null);
  if (known.length === 0) return null;
  return (
    <dl className="facts">
      {known.map(([label, value]) => (
        <div className="facts__row" key={label}>
          <dt>{label}</dt>
          <dd dir="auto">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
