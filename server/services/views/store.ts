/**
 * Short links: a view of the explorer too long for an address, kept as a `:SavedView` node under an id
 * derived from the view itself (the same view always gets the same id, so saving it again writes
 * nothing). Views are presentation only: they name entities but hold no facts, and reading one gives
 * back exactly what was saved, checked against the shared schema.
 */
import type { Driver } from 'neo4j-driver';
import { ViewState, type SavedViewResult } from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { readTransaction, writeTransaction } from '../../db/transactions.js';
import { NotFoundError } from '../graph-repository.js';
import { canonicalJson, contentHash } from '../snapshots/canonical.js';

/** 96 bits of the view's hash: short to share, far too long to guess or to collide by chance. */
export function savedViewId(view: ViewState): string {
  return contentHash(view).slice(0, 24);
}

export class ViewStore {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  async save(input: ViewState, actor: string, now = new Date()): Promise<SavedViewResult> {
    // Parsed again so defaults are filled in and the id is derived from the canonical form.
    const view = ViewState.parse(input);
    const id = savedViewId(view);
    await writeTransaction(this.driver, this.database, (tx) =>
      tx.run(cypher('queries/view-save'), {
        view: { id, state: canonicalJson(view), createdAt: now.toISOString(), createdBy: actor },
      }),
    );
    return { id, path: `/v/${id}` };
  }

  async get(id: string): Promise<ViewState> {
    const state = await readTransaction(this.driver, this.database, async (tx) => {
      const result = await tx.run(cypher('queries/view-by-id'), { id });
      return result.records[0]?.get('state') as string | undefined;
    });
    if (state === undefined) throw new NotFoundError('short link', id);
    return ViewState.parse(JSON.parse(state));
  }
}
