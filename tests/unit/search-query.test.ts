import { describe, expect, it } from 'vitest';
import { foldForSearch, inSearchOrder, searchQueries, searchTerms } from '../../server/services/search-query.js';

describe('search query building', () => {
  it('folds case and accents so "GONZÁLEZ" matches the stored "González"', () => {
    expect(foldForSearch('GONZÁLEZ')).toBe('gonzalez');
    expect(searchTerms('Miriam Ordoñez')).toEqual(['miriam', 'ordonez']);
  });

  it('keeps Arabic words intact', () => {
    expect(searchTerms('الجليد')).toEqual(['الجليد']);
  });

  it('asks for every word, the last as a prefix, and scores the whole phrase highest', () => {
    expect(searchQueries('lexis')?.allTerms).toBe('+(lexis^2 OR lexis*)');
    expect(searchQueries('Vincent Li')?.allTerms).toBe('+vincent +(li^2 OR li*) "vincent li"^4');
  });

  it('has a second query where any word, whole or as a prefix, is enough', () => {
    expect(searchQueries('lexis')?.anyTerm).toBe('lexis^2 OR lexis*');
    expect(searchQueries('Vincent Line')?.anyTerm).toBe('vincent^2 OR vincent* OR line^2 OR line* OR "vincent line"^4');
  });

  it('never passes Lucene syntax through', () => {
    const queries = searchQueries('name:"x" OR *:* AND (y~) \\ [a TO z]');
    // Only the words typed, folded, reach Lucene; the operators, groups and quotes are ours.
    expect(searchTerms('name:"x" OR *:* AND (y~) \\ [a TO z]')).toEqual(['name', 'x', 'or', 'and', 'y', 'a', 'to', 'z']);
    for (const query of [queries?.allTerms, queries?.anyTerm]) expect(query).not.toMatch(/[:\\[\]~]|\*:\*|\bAND\b|\bTO\b/);
  });

  it('asks for any word only when no name holds every word', async () => {
    const queries = searchQueries('vincent line')!;
    const asked: string[] = [];
    const answering = (found: Record<string, string[]>) => async (query: string) => {
      asked.push(query);
      return { records: found[query] ?? [] };
    };
    expect((await inSearchOrder(queries, answering({ [queries.allTerms]: ['a'], [queries.anyTerm]: ['b'] }))).records).toEqual([
      'a',
    ]);
    expect(asked).toEqual([queries.allTerms]);
    asked.length = 0;
    expect((await inSearchOrder(queries, answering({ [queries.anyTerm]: ['b'] }))).records).toEqual(['b']);
    expect(asked).toEqual([queries.allTerms, queries.anyTerm]);
  });

  it('returns null when nothing searchable was typed', () => {
    expect(searchQueries('  ?!* ')).toBeNull();
  });
});
