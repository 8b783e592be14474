/**
 * Which side panels the reader folded away (the tools rail, the details panel), kept in localStorage
 * so a reload opens the page as it was left. Where the browser gives no storage (a framed page may not
 * have it) both start open and the choice lasts until the page closes.
 */
export interface Folded {
  readonly rail: boolean;
  readonly panel: boolean;
}

export const FOLDED_KEY = 'interlock.folded';

const OPEN: Folded = { rail: false, panel: false };

export function readFolded(): Folded {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(FOLDED_KEY) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return OPEN;
    const { rail, panel } = stored as Record<string, unknown>;
    return { rail: rail === true, panel: panel === true };
  } catch {
    return OPEN;
  }
}

export function writeFolded(folded: Folded): void {
  try {
    window.localStorage.setItem(FOLDED_KEY, JSON.stringify({ rail: folded.rail, panel: folded.panel }));
  } catch {
    // No storage here: the choice holds for this visit only.
  }
}
