/** Driving the snapshot viewer (share view and standalone page) the way a reader does. */
import type { Core } from 'cytoscape';
import type { Frame, Page } from 'playwright-core';

/** Waits until the viewer's map holds these nodes and has stopped moving (a step frames with an animation). */
export async function waitForSnapshotMap(page: Page | Frame, ids: readonly string[]): Promise<void> {
  await page.getByTestId('snapshot-canvas').waitFor();
  await page.waitForFunction((wanted) => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    return !!cy && wanted.every((id) => cy.getElementById(id).nonempty()) && !cy.animated();
  }, ids);
}

/** Clicks a node of the viewer's map where it is drawn. */
export async function clickSnapshotNode(page: Page, id: string): Promise<void> {
  await waitForSnapshotMap(page, [id]);
  const point = await page.evaluate((nodeId) => {
    const node = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.getElementById(nodeId);
    return node?.nonempty() ? node.renderedPosition() : null;
  }, id);
  const box = await page.getByTestId('snapshot-canvas').boundingBox();
  if (!point || !box) throw new Error(`${id} is not on the snapshot map`);
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

/** Ids of the nodes the current story step lights up. */
export async function litNodeIds(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    return (cy?.nodes('.highlighted').map((n) => n.id()) ?? []).sort();
  });
}
