/**
 * The renderer benchmark page: Cytoscape with the explorer's own stylesheet (web/src/canvas/style.ts) and
 * renderer options (web/src/canvas/renderer.ts), and a generated graph of `?elements=N` elements (a third
 * nodes, two thirds edges, every kind and category), drawn by the canvas or the WebGL renderer
 * (`?renderer=canvas|webgl`). It measures the time to the first
 * frame, then the frames per second while panning and zooming, and leaves the result in
 * `window.benchResult` for the benchmark script.
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';
import { RELATIONSHIP_RULES, type RelationshipType } from '../../../schemas/index.js';
import { rendererOptions, tuningFor } from '../../../web/src/canvas/renderer.js';
import { buildStylesheet } from '../../../web/src/canvas/style.js';
import { seededRandom } from '../../random.js';

declare global {
  interface Window {
    benchResult?: { firstRenderMs: number; fps: number; frames: number; webgl: boolean } | { error: string };
  }
}

const KINDS = ['Person', 'Organization', 'PublicBody', 'DataSystem', 'Contract', 'Law', 'Document'] as const;
const TYPES = Object.keys(RELATIONSHIP_RULES) as RelationshipType[];

function elements(count: number): ElementDefinition[] {
  const rand = seededRandom(count);
  const nodes = Math.max(2, Math.round(count / 3));
  const side = Math.ceil(Math.sqrt(nodes));
  const out: ElementDefinition[] = [];
  for (let i = 0; i < nodes; i++) {
    const kind = KINDS[i % KINDS.length]!;
    out.push({
      group: 'nodes',
      data: { id: `n${i}`, label: `${kind} ${i}` },
      classes: `kind-${kind}`,
      position: { x: (i % side) * 120 + rand() * 40, y: Math.floor(i / side) * 120 + rand() * 40 },
    });
  }
  for (let i = 0; out.length < count; i++) {
    const type = TYPES[i % TYPES.length]!;
    // Mostly near neighbours (as a laid-out graph looks), some long edges to hubs.
    const source = Math.floor(rand() * nodes);
    const target = rand() < 0.9 ? Math.min(nodes - 1, source + 1 + Math.floor(rand() * side)) : Math.floor(rand() ** 3 * nodes);
    out.push({
      group: 'edges',
      data: { id: `e${i}`, source: `n${source}`, target: `n${target}`, label: type.toLowerCase(), width: 1 + (i % 3) },
      classes: `cat-${RELATIONSHIP_RULES[type].category}${i % 5 === 0 ? ' former' : ''}`,
    });
  }
  return out;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

async function run(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const count = Number(params.get('elements') ?? 1000);
  const webgl = params.get('renderer') === 'webgl';
  const seconds = Number(params.get('seconds') ?? 4);
  const data = elements(count);

  const started = performance.now();
  // What the explorer draws with `?renderer=canvas|webgl` at this size: the same tuning (edges hidden and a
  // texture reused while the view moves, pixel ratio 1 above a thousand elements) and, for webgl,
  // Cytoscape's canvas renderer with its WebGL mode on.
  const options = {
    container: document.getElementById('graph'),
    elements: data,
    style: buildStylesheet(),
    layout: { name: 'preset' },
    ...rendererOptions(tuningFor(webgl ? 'webgl' : 'canvas', count, true)),
  };
  const cy = cytoscape(options as cytoscape.CytoscapeOptions);
  cy.fit(undefined, 20);
  await frame();
  await frame();
  const firstRenderMs = performance.now() - started;

  // Pan and zoom continuously, as a person dragging and scrolling does, and count the frames drawn.
  const zoom0 = cy.zoom();
  let frames = 0;
  const t0 = performance.now();
  let now = t0;
  while (now - t0 < seconds * 1000) {
    const t = (now - t0) / 1000;
    cy.viewport({ zoom: zoom0 * (1 + 0.6 * Math.sin(t * 1.3)), pan: { x: 200 * Math.sin(t * 0.9), y: 150 * Math.cos(t * 0.7) } });
    now = await frame();
    frames++;
  }
  // Whether WebGL really drew: a canvas of the renderer holds a WebGL context rather than a 2D one.
  const webglActive = [...document.querySelectorAll('canvas')].some((c) => c.getContext('2d') === null);
  window.benchResult = { firstRenderMs, fps: frames / ((now - t0) / 1000), frames, webgl: webglActive };
}

run().catch((error: unknown) => {
  window.benchResult = { error: error instanceof Error ? error.message : String(error) };
});
