import { describe, expect, it } from 'vitest';
import { buildFulltextQuery, foldForSearch, searchTerms } from '../../server/services/search-query.js';

describe('search query building', () => {
  it('folds case and accents so "GONZÁLEZ" matches the stored "González"', () => {
    expect(foldForSearch('GONZÁLEZ')).toBe('gonzalez');
    expect(searchTerms('Miriam Ordoñez')).toEqual(['miriam', 'ordonez']);
  });

  it('keeps Arabic words intact', () => {
    expect(searchTerms('الجليد')).toEqual(['الجليد']);
  });

  it('matches whole words and prefixes, and scores the whole phrase highest', () => {
    expect(buildFulltextQuery('lexis')).toBe('lexis^2 OR lexis*');
    expect(buildFulltextQuery('Vincent Line')).toBe('vincent^2 OR vincent* OR line^2 OR line* OR "vincent line"^4');
  });

  it('never passes Lucene syntax through', () => {
    const query = buildFulltextQuery('name:"x" OR *:* AND (y~) \\ [a TO z]') ?? '';
    expect(query).not.toMatch(/[:\\[\]()~]|\*:\*/);
  });

  it('returns null when nothing searchable was typed', () => {
    expect(buildFulltextQuery('  ?!* ')).toBeNull();
  });
});
