/**
 * The canvas with the model: the elements drawn from the view (with what is lit, selected, marked and
 * filtered), the pins, positions and viewport, and every gesture and report going back to the store.
 * Kept apart from the page so panning re-renders only this.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphNode } from '../../../../schemas/index.js';
import { GraphCanvas } from '../../canvas/GraphCanvas.js';
import type { CanvasHandlers } from '../../canvas/events.js';
import { useWording } from '../../i18n/wording.js';
import { pathHighlight, shownCounts, toElements, todayIso } from '../../model/index.js';
import { countWords } from '../../i18n/counts.js';
import { useCanvasLink, useDispatch, useEffects, usePage } from '../../state/page.js';

export function ExplorerCanvas({ nameOf }: { readonly nameOf: (node: GraphNode) => string }) {
  const { t } = useTranslation();
  const words = useWording();
  const dispatch = useDispatch();
  const { explore } = useEffects();
  const canvasRef = useCanvasLink();
  const explorer = usePage((s) => s.explorer);
  const { view, filter, selection, path, spotlight, marked } = explorer;

  const elements = useMemo(() => {
    // One highlight at a time: the reducer clears the spotlight when paths are found and vice versa.
    const highlight = path.result ? pathHighlight(path.result.paths, path.focus) : spotlight;
    const pathEnds = [path.from, path.to].filter((id): id is string => id !== undefined);
    return toElements(view, { highlight, filter, selection, pathEnds, today: todayIso(), nameOf, marked, words });
  }, [view, filter, selection, path, spotlight, nameOf, marked, words]);

  const on: CanvasHandlers = {
    select: (target) => dispatch({ type: 'select', selection: target }),
    expand: ({ id }) => void explore.expand(id),
    pathPick: ({ id }) => explore.pickPathEnd(id),
    selectNeighbours: ({ id, neighbours }) => dispatch({ type: 'selectNeighbours', id, neighbours }),
    open: () => focusDetails(),
    clear: () => {
      dispatch({ type: 'clearMarked' });
      dispatch({ type: 'select', selection: null });
    },
    settled: ({ positions }) => dispatch({ type: 'canvasSettled', positions }),
    moved: ({ positions }) => dispatch({ type: 'nodesMoved', positions }),
    viewport: (viewport) => dispatch({ type: 'viewportChanged', viewport }),
  };

  return (
    <GraphCanvas
      elements={elements}
      layout={explorer.layout}
      frame={explorer.frame}
      pinned={explorer.pinned}
      positions={explorer.positions}
      viewport={explorer.viewport}
      on={on}
      port={(port) => {
        canvasRef.current = port;
      }}
      label={t('canvas.graphLabel', countWords(t, shownCounts(view, filter)))}
      describedBy="canvas-keys"
    />
  );
}

/** Enter on the canvas: the keyboard moves into the details of the selection, starting at its heading. */
function focusDetails(): void {
  document.querySelector<HTMLElement>('[data-testid="side-panel"] h2[tabindex="-1"]')?.focus();
}
