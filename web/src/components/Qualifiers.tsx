/**
 * A finding's caveats, in plain words. The list shows short chips with the meaning as a tooltip; the
 * side panel has room to spell each one out, since that is where a reporter decides what to check.
 */
import type { FindingQualifier } from '../../../schemas/index.js';
import { QUALIFIER_TEXT } from '../model/index.js';
import './Finding.css';

export function QualifierChips({ qualifiers }: { readonly qualifiers: readonly FindingQualifier[] }) {
  if (qualifiers.length === 0) return null;
  return (
    <span className="chips">
      {qualifiers.map((q) => (
        <span key={q} className={`chip chip--${q}`} title={QUALIFIER_TEXT[q].explanation} data-testid="qualifier">
          {QUALIFIER_TEXT[q].label}
        </span>
      ))}
    </span>
  );
}

export function QualifierList({ qualifiers }: { readonly qualifiers: readonly FindingQualifier[] }) {
  if (qualifiers.length === 0)
    return <p className="muted">No caveats: every link is reported, dated and backed by more than one source.</p>;
  return (
    <ul className="qualifiers">
      {qualifiers.map((q) => (
        <li key={q} className="qualifiers__item">
          <span className={`chip chip--${q}`}>{QUALIFIER_TEXT[q].label}</span>
          <span className="qualifiers__text">{QUALIFIER_TEXT[q].explanation}</span>
        </li>
      ))}
    </ul>
  );
}
