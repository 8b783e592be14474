/** The node shape of a kind drawn in SVG, so the legend and search results match the canvas. */
import type { EntityKind } from '../../../schemas/index.js';
import { KIND_ENCODING } from '../model/index.js';
import type { NodeShape } from '../model/index.js';

const SHAPES: Readonly<Record<NodeShape, string>> = {
  ellipse: 'M10 2a8 8 0 1 0 0.001 0Z',
  'round-rectangle': 'M5 3h10a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3H5a3 3 0 0 1-3-3V6a3 3 0 0 1 3-3Z',
  hexagon: 'M6 2.5h8l4.5 7.5-4.5 7.5H6L1.5 10Z',
  barrel: 'M4 2.5h12q2.5 7.5 0 15H4q-2.5-7.5 0-15Z',
  diamond: 'M10 1.5 18.5 10 10 18.5 1.5 10Z',
  tag: 'M2 3h11l5.5 7-5.5 7H2Z',
  rectangle: 'M3 2h14v16H3Z',
};

export function KindIcon({ kind, size = 18 }: { readonly kind: EntityKind; readonly size?: number }) {
  const enc = KIND_ENCODING[kind];
  return (
    <svg className="kind-icon" width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d={SHAPES[enc.shape]} fill={enc.color} stroke={enc.border} strokeWidth="1.5" />
    </svg>
  );
}
