/**
 * The FollowTheMoney model as data: schemata, their inheritance, edge specs and property types, from
 * the `@alephdata/followthemoney` package (its bundled model is FtM 3.8; see ADR 0017). Import and export
 * both ask it what a schema is and which properties it has, so neither keeps a table of its own that
 * could drift from FtM. Lookups are cached: the package recomputes inherited properties on every call.
 */
import { createRequire } from 'node:module';
import { defaultModel, Model, type Property, type Schema } from '@alephdata/followthemoney';

export const ftmModel = new Model(defaultModel);

/** The version of the FtM model we read and write, for messages and the export's header. */
export const FTM_MODEL_VERSION: string = (
  createRequire(import.meta.url)('@alephdata/followthemoney/package.json') as { version: string }
).version;

export interface FtmProperty {
  readonly name: string;
  /** FtM's property type: name, identifier, date, country, entity, number, text, url, topic... */
  readonly type: string;
  /** For entity-typed properties, the schema the value must be. */
  readonly range: string | undefined;
  /** The longest value FtM accepts (the property's own limit, else its type's). */
  readonly maxLength: number;
}

const schemaCache = new Map<string, Schema | null>();

/** The schema of that name, or undefined when the model has none. */
export function schemaOf(name: string): Schema | undefined {
  let schema = schemaCache.get(name);
  if (schema === undefined) {
    schema = ftmModel.schemata[name] ?? null;
    schemaCache.set(name, schema);
  }
  return schema ?? undefined;
}

const propertyCache = new Map<string, ReadonlyMap<string, FtmProperty>>();

/** Every property of a schema, inherited ones included. */
export function propertiesOf(schemaName: string): ReadonlyMap<string, FtmProperty> {
  let props = propertyCache.get(schemaName);
  if (!props) {
    const schema = schemaOf(schemaName);
    props = new Map(
      [...(schema?.getProperties().values() ?? [])].map((p: Property) => [
        p.name,
        {
          name: p.name,
          type: p.type.name,
          range: p.hasRange ? p.getRange().name : undefined,
          maxLength: p.maxLength || p.type.maxLength || Number.POSITIVE_INFINITY,
        },
      ]),
    );
    propertyCache.set(schemaName, props);
  }
  return props;
}

export function hasProperty(schemaName: string, property: string): boolean {
  return propertiesOf(schemaName).has(property);
}

/** Whether FtM takes this value for the property: it has the property, and the value is not too long. */
export function fitsProperty(schemaName: string, property: string, value: string): boolean {
  const prop = propertiesOf(schemaName).get(property);
  return prop !== undefined && value.length <= prop.maxLength;
}

/** Whether `schemaName` is `ancestor` or inherits from it (Company is an Organization and an Asset). */
export function isA(schemaName: string, ancestor: string): boolean {
  return schemaOf(schemaName)?.isA(ancestor) ?? false;
}

/** Schemata that can be written as a line of their own (not abstract). */
export function isConcrete(schemaName: string): boolean {
  const schema = schemaOf(schemaName);
  return schema !== undefined && !schema.abstract;
}

/** Properties a line of this schema must have (FtM's `required`; each schema states its own). */
export function requiredOf(schemaName: string): readonly string[] {
  return schemaOf(schemaName)?.required ?? [];
}

function valuesOfType(type: string): ReadonlySet<string> {
  const values = (defaultModel.types[type] as { values?: Record<string, string> } | undefined)?.values ?? {};
  return new Set(Object.keys(values));
}

const COUNTRIES = valuesOfType('country');
const LANGUAGES = valuesOfType('language');
const TOPICS = valuesOfType('topic');

export const isFtmCountry = (code: string): boolean => COUNTRIES.has(code);
export const isFtmLanguage = (code: string): boolean => LANGUAGES.has(code);
export const isFtmTopic = (topic: string): boolean => TOPICS.has(topic);
