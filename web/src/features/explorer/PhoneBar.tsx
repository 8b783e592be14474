/**
 * On a phone, the bar along the bottom: the map alone, the details of what is selected, or the tools
 * (conflicts, money, paths, story, legend), each as a sheet under the canvas (which shrinks) so the
 * map stays in sight. Hidden on wider screens, where all three are side by side.
 */
import { useTranslation } from 'react-i18next';
import { useDispatch, usePage } from '../../state/page.js';
import type { Sheet } from '../../state/slices/ui.js';

const SHEETS: readonly Sheet[] = ['none', 'details', 'tools'];

export function PhoneBar() {
  const { t } = useTranslation();
  const dispatch = useDispatch();
  const sheet = usePage((s) => s.ui.sheet);
  return (
    <nav className="phone-bar" aria-label={t('phone.bar')} data-testid="phone-bar" data-canvas-overlay>
      {SHEETS.map((value) => (
        <button
          key={value}
          type="button"
          className="phone-bar__button"
          aria-pressed={sheet === value}
          onClick={() => dispatch({ type: 'ui/sheet', sheet: value })}
          data-sheet={value}
        >
          {t(`phone.${value}`)}
        </button>
      ))}
    </nav>
  );
}
