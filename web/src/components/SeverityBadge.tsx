/** How serious a pattern is, in words first: the colour only repeats what the label says. */
import type { Severity } from '../../../schemas/index.js';
import { SEVERITY_LABEL } from '../model/index.js';
import './Finding.css';

export function SeverityBadge({ severity }: { readonly severity: Severity }) {
  return (
    <span className={`severity severity--${severity}`}>
      <span className="visually-hidden">Severity: </span>
      {SEVERITY_LABEL[severity]}
    </span>
  );
}
