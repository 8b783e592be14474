/**
 * Small graphs built inside a test, isolated by a unique id prefix and removed afterwards. Every fact is
 * cited to one synthetic document, so the graphs pass the same validation as real imports.
 */
import type { Driver } from 'neo4j-driver';
import type { EntityKind, RelationshipType } from '../../../schemas/index.js';
import { KIND_PREFIX } from '../../../server/services/imports/ids.js';
import { importInterlockFile } from '../../../server/services/importer.js';

export class SyntheticGraph {
  private readonly entities: Record<string, unknown>[] = [];
  private readonly relationships: Record<string, unknown>[] = [];
  private readonly document: string;

  constructor(readonly prefix: string) {
    this.document = `document:${prefix}-source`;
    this.entities.push({ id: this.document, kind: 'Document', name: `${prefix} source`, title: `${prefix} source` });
  }

  /** The document every fact of this graph cites. */
  get documentId(): string {
    return this.document;
  }

  private cite() {
    return [
      { documentId: this.document, locator: `line ${this.entities.length + this.relationships.length}`, quote: 'synthetic' },
    ];
  }

  /** Adds an entity and returns its id (`kind-prefix:<prefix>-<slug>`). */
  add(kind: EntityKind, slug: string, props: Record<string, unknown> = {}): string {
    const id = `${KIND_PREFIX[kind]}:${this.prefix}-${slug}`;
    this.entities.push({
      id,
      kind,
      name: props.name ?? `${slug} (${this.prefix})`,
      status: 'reported',
      citations: this.cite(),
      ...props,
    });
    return id;
  }

  link(type: RelationshipType, source: string, target: string, props: Record<string, unknown> = {}): string {
    const id = `rel:${this.prefix}-${this.relationships.length + 1}`;
    this.relationships.push({ id, type, source, target, status: 'reported', citations: this.cite(), ...props });
    return id;
  }

  async save(driver: Driver, database: string): Promise<void> {
    await importInterlockFile(
      driver,
      database,
      {
        format: 'interlock/1',
        entities: this.entities,
        relationships: this.relationships,
      },
      { actor: `test:${this.prefix}`, route: 'test' },
    );
  }

  async remove(driver: Driver, database: string): Promise<void> {
    await driver.executeQuery(
      'MATCH (n:Entity) WHERE n.id CONTAINS $marker DETACH DELETE n',
      { marker: `:${this.prefix}-` },
      { database },
    );
    await driver.executeQuery('MATCH (a:AuditEntry {actor: $actor}) DELETE a', { actor: `test:${this.prefix}` }, { database });
  }
}

let counter = 0;
export function uniquePrefix(name: string): string {
  counter += 1;
  return `${name}-${process.pid}-${counter}`;
}
