/**
 * Each pattern's title and explanation say exactly what its evidence holds, in English, Spanish and
 * Arabic: facts as the pattern files return them, on the cases where the wording used to overstate
 * (a seat on a sub-board told as a seat on the company's board, a sibling company called the parent,
 * a board seat and a job told as two board seats, a period next to "dates unknown").
 */
import { describe, expect, it } from 'vitest';
import {
  TYPE_WORDS,
  findingOf,
  findingRecords,
  type PatternRow,
  type RawNode,
  type RawRelationship,
} from '../../server/services/conflicts/findings.js';
import { loadPatterns } from '../../server/services/conflicts/pattern-files.js';
import { findingPeriod } from '../../web/src/model/findings.js';
import { renderTemplate } from '../../server/services/conflicts/template.js';
import type { Language } from '../../schemas/language.js';
import { RELATIONSHIP_TYPES } from '../../schemas/graph.js';

const patterns = new Map(loadPatterns().map((p) => [p.id, p]));
const pattern = (id: string) => {
  const p = patterns.get(id);
  if (!p) throw new Error(id);
  return p;
};
const render = (id: string, facts: Record<string, unknown>, language: Language = 'en') => {
  const texts = pattern(id).texts[language];
  return {
    title: renderTemplate(texts.title, facts, { language, phrases: texts.phrases }),
    explanation: renderTemplate(texts.explanation, facts, { language, phrases: texts.phrases }),
  };
};

/** Facts of vendor-board-seat for a seat on a sub-board whose company's sibling holds the contract. */
const siblingVendor = {
  person: 'Vincent Line',
  role: 'Chief of operations',
  noRole: null,
  body: 'Denver Sheriff Department',
  seatOn: { kind: 'named', board: 'LexisNexis data-warehouse board' },
  company: 'LexisNexis',
  buyer: 'City and County of Denver',
  buyerPart: 'Denver Sheriff Department',
  vendor: 'Appriss Solutions',
  vendorLink: { kind: 'sibling', of: 'LexisNexis' },
  deals: 'one',
  count: 1,
  amount: 750000,
  currency: 'USD',
  contract: 'Data services (2020)',
  purpose: null,
  signed: '2020',
};

describe('vendor-board-seat wording', () => {
  it('names the board actually held and the relation found, never "the board of" the company or its "parent"', () => {
    const { title, explanation } = render('vendor-board-seat', siblingVendor);
    expect(title).toBe(
      'Vincent Line sits on the LexisNexis data-warehouse board, part of LexisNexis, and Appriss Solutions, in the same group as LexisNexis, is a contractor of City and County of Denver',
    );
    expect(title).not.toMatch(/board of LexisNexis|parent/);
    expect(explanation).toContain('holds a $750,000 contract with Appriss Solutions (in the same group as LexisNexis)');
    expect(explanation).toContain('of which Denver Sheriff Department is part');
  });

  it('says subsidiary or parent company only when that is the relation found, and counts several contracts', () => {
    const sub = render('vendor-board-seat', { ...siblingVendor, vendorLink: { kind: 'subsidiary', of: 'LexisNexis' } });
    expect(sub.title).toContain('Appriss Solutions, a subsidiary of LexisNexis, is a contractor');
    const parent = render('vendor-board-seat', { ...siblingVendor, vendorLink: { kind: 'parent', of: 'LexisNexis' } });
    expect(parent.title).toContain('the parent company of LexisNexis');
    const many = render('vendor-board-seat', {
      ...siblingVendor,
      deals: 'manyPriced',
      count: 3,
      amount: 1_200_000,
      contract: null,
    });
    expect(many.explanation).toContain('holds 3 contracts worth $1,200,000 in all with Appriss Solutions');
    const unpriced = render('vendor-board-seat', { ...siblingVendor, deals: 'many', count: 3, amount: null, contract: null });
    expect(unpriced.explanation).toContain('holds 3 contracts with');
    const boardOf = render('vendor-board-seat', { ...siblingVendor, seatOn: { kind: 'boardOf', board: 'Acme' }, company: null });
    expect(boardOf.title).toMatch(/^Vincent Line sits on the board of Acme, and/);
  });

  it('reads in Spanish and Arabic with the same facts', () => {
    const es = render('vendor-board-seat', siblingVendor, 'es');
    expect(es.title).toBe(
      'Vincent Line forma parte de LexisNexis data-warehouse board, parte de LexisNexis, y Appriss Solutions, del mismo grupo empresarial que LexisNexis, es contratista de City and County of Denver',
    );
    const ar = render('vendor-board-seat', siblingVendor, 'ar');
    expect(ar.title).toContain('من مجموعة الشركات نفسها التي تنتمي إليها LexisNexis');
    expect(ar.explanation).toContain('عقد بقيمة');
  });
});

describe('enforcer-board-seat wording', () => {
  const facts = {
    person: 'Vincent Line',
    role: 'Chief of operations',
    body: 'Denver Sheriff Department',
    law: 'Colorado HB19-1124',
    summary: 'bars helping ICE',
    seatOn: { kind: 'named', board: 'LexisNexis data-warehouse board' },
    company: 'LexisNexis',
    counterparty: 'ICE',
    help: [
      { kind: 'data', helper: 'LexisNexis' },
      { kind: 'contract', helper: 'Appriss Solutions' },
    ],
  };
  it('names the sub-board held, part of the company, and how the group helps', () => {
    const { title, explanation } = render('enforcer-board-seat', facts);
    expect(title).toBe(
      'Vincent Line sits on the LexisNexis data-warehouse board, part of LexisNexis, whose group helps ICE around Colorado HB19-1124',
    );
    expect(explanation).toContain('while ICE receives data from LexisNexis and holds a contract with Appriss Solutions.');
    expect(render('enforcer-board-seat', facts, 'es').explanation).toContain(
      'mientras ICE recibe datos de LexisNexis y tiene un contrato con Appriss Solutions.',
    );
  });
});

describe('board-interlock wording', () => {
  const side = (kind: string, org: string) => ({ kind, org });
  const facts = (ties: string, atFirst: object, atSecond: object) => ({
    first: 'Acme',
    second: 'Sheriff',
    people: 'Pat',
    ties,
    atFirst,
    atSecond,
    roleAtFirst: 'Board member',
    roleAtSecond: 'Chief of operations',
  });
  it('tells a board seat from a position, a former tie from a current one, and names a board as it is named', () => {
    const mixed = render('board-interlock', facts('mixed', side('board', 'Acme'), side('position-former', 'Sheriff')));
    expect(mixed.title).toBe('Pat sits on the board of Acme and held a position at Sheriff');
    expect(mixed.explanation).toBe(
      'Pat sits on the board of Acme (board member) and held a position at Sheriff (chief of operations).',
    );
    const named = render('board-interlock', facts('mixed', side('boardNamed', 'Acme data board'), side('position', 'Sheriff')));
    expect(named.title).toBe('Pat sits on the Acme data board and holds a position at Sheriff');
    expect(render('board-interlock', facts('boards', side('board', 'Acme'), side('board', 'Sheriff'))).title).toBe(
      'Acme and Sheriff share a board member: Pat',
    );
    expect(render('board-interlock', facts('positions', side('position', 'Acme'), side('position', 'Sheriff'))).title).toBe(
      'Pat holds positions at both Acme and Sheriff',
    );
  });
});

describe('revolving-door wording', () => {
  it('says who deals with whom, instead of the organisation dealing with the old office', () => {
    const facts = {
      person: 'Matt Lewis',
      formerRole: 'Sheriff',
      body: "Mesa County Sheriff's Office",
      now: { kind: 'named', organisation: 'LexisNexis data-warehouse board' },
      organisation: 'LexisNexis data-warehouse board',
      company: 'LexisNexis',
      dealings: [{ kind: 'system', dealer: 'Colorado county sheriffs', system: 'VINE', counterpart: 'Appriss Solutions' }],
    };
    const { title, explanation } = render('revolving-door', facts);
    expect(title).toBe(
      "Matt Lewis, formerly sheriff at Mesa County Sheriff's Office, now on the LexisNexis data-warehouse board, whose group deals with Colorado county sheriffs",
    );
    expect(explanation).toContain(
      'now sits on the LexisNexis data-warehouse board, part of LexisNexis; Colorado county sheriffs’s VINE feeds Appriss Solutions.',
    );
  });
});

describe('the other patterns', () => {
  it('circumvention-chain, money-flow, self-dealing and pay-to-play read their coded facts in every language', () => {
    const chain = {
      law: 'HB19-1124',
      summary: 'bars helping ICE',
      body: 'Sheriffs',
      route: { kind: 'system', system: 'VINE' },
      intermediary: 'Appriss',
      onward: ['data', 'contract'],
      agency: 'ICE',
    };
    expect(render('circumvention-chain', chain).explanation).toBe(
      'HB19-1124 restricts Sheriffs (bars helping ICE), yet Sheriffs runs VINE, which feeds Appriss, which supplies data to and is contracted by ICE.',
    );
    const money = {
      payer: 'Denver',
      payee: 'LexisNexis',
      totals: [{ currency: 'USD', amount: 750000 }],
      flows: [{ kind: 'payments', n: 2 }, { kind: 'contract' }],
      unknown: null,
      when: { kind: 'range', from: '2019', to: '2020' },
    };
    expect(render('money-flow', money).explanation).toBe(
      'Denver pays LexisNexis $750,000 in 2 payments and a contract, from 2019 to 2020.',
    );
    expect(render('money-flow', money, 'es').explanation).toBe(
      'Denver paga a LexisNexis 750.000\u00a0US$ en 2 pagos y un contrato, de 2019 a 2020.',
    );
    const selfDealing = {
      official: 'Mayor',
      role: null,
      noRole: 'member',
      body: 'Council',
      holder: 'Spouse',
      kinship: { kind: 'relative', official: 'Mayor', relation: 'spouse' },
      holds: 'stake',
      share: '40',
      vendor: 'Acme',
      buyer: 'Council',
      deals: 'one',
      count: 1,
      amount: 1000,
      currency: 'EUR',
      contract: 'Paving',
    };
    expect(render('self-dealing', selfDealing).explanation).toBe(
      'Mayor is a member at Council; Spouse (related to Mayor: spouse) owns a stake in Acme (40%); Council holds a €1,000 contract with Acme: Paving.',
    );
    const payToPlay = {
      payer: 'Owner',
      payerLink: { kind: 'owner', relative: null, role: null, vendor: 'Acme' },
      recipient: 'Party',
      recipientLink: { kind: 'member', official: 'Mayor' },
      payment: { amount: 5000, currency: 'USD' },
      paidWhen: '2019',
      official: 'Mayor',
      role: 'Mayor',
      body: 'City',
      buyer: 'City',
      vendor: 'Acme',
      award: 'Paving',
      awardWhen: '2020',
      window: 2,
    };
    expect(render('pay-to-play', payToPlay).explanation).toBe(
      'Owner (an owner of Acme) paid Party (Mayor is a member) $5,000 in 2019; Mayor is mayor at City, and City awarded Acme Paving in 2020, within 2 years of the payment.',
    );
  });

  it('says every relationship type of an inferred link in Spanish and Arabic', () => {
    for (const type of RELATIONSHIP_TYPES) {
      expect(TYPE_WORDS.es[type], type).toBeTruthy();
      expect(TYPE_WORDS.ar[type], type).toBeTruthy();
    }
  });

  it('every pattern has its name, sentence, title, explanation and phrases in Spanish and Arabic', () => {
    for (const p of patterns.values()) {
      const en = p.texts.en;
      for (const language of ['es', 'ar'] as const) {
        const texts = p.texts[language];
        expect(texts.name, `${p.id} ${language}`).not.toBe(en.name);
        expect(texts.description, `${p.id} ${language}`).not.toBe(en.description);
        // A title may be all phrases (board-interlock); then its phrases are translated.
        if (texts.title === en.title) expect(texts.title, p.id).toMatch(/^\{\w+\|phrase(:\w+)?\}$/);
        expect(texts.explanation, `${p.id} ${language}`).not.toBe(en.explanation);
        for (const key of Object.keys(en.phrases)) {
          // "with.*" phrases are only a name, the same in every language
          if (!key.startsWith('with.')) expect(texts.phrases[key], `${p.id} ${language} ${key}`).not.toBe(en.phrases[key]);
        }
      }
    }
  });
});

describe('a finding with undated facts', () => {
  const node = (id: string, kind: string, name: string, aliases: string[] = []): RawNode => ({
    elementId: `e-${id}`,
    labels: ['Entity', kind],
    properties: {
      id,
      name,
      aliases,
      status: 'reported',
      citationDocumentIds: ['document:d'],
      citationLocators: ['l1'],
      citationQuotes: ['q'],
    },
  });
  const person = node('person:v', 'Person', 'Vincent Line', ['فنسنت لاين']);
  const board = node('org:b', 'Organization', 'Acme board');
  const rel = (id: string, type: string, to: RawNode, extra: Record<string, unknown>): RawRelationship => ({
    elementId: `r-${id}`,
    type,
    startNodeElementId: person.elementId,
    endNodeElementId: to.elementId,
    properties: {
      id,
      status: 'reported',
      citationDocumentIds: ['document:d'],
      citationLocators: ['l2'],
      citationQuotes: ['q'],
      ...extra,
    },
  });
  const seat = rel('rel:1', 'SITS_ON_BOARD', board, { current: true });
  const dated = { start: '2020', end: null };
  const row: PatternRow = {
    key: ['person:v', 'org:b'],
    evidence: [{ start: person, segments: [{ start: person, relationship: seat, end: board }] }],
    timed: [seat, dated],
    facts: {
      first: 'Acme board',
      second: 'Other board',
      people: 'Vincent Line',
      ties: 'boards',
      atFirst: { kind: 'boardNamed', org: 'Acme board' },
      atSecond: { kind: 'boardNamed', org: 'Other board' },
    },
  };
  const [record] = findingRecords(pattern('board-interlock'), [row]);

  it('is marked dates-unknown, and the page claims no period ("since 2020") beside it', () => {
    const built = record && findingOf(pattern('board-interlock'), record);
    expect(built?.finding.qualifiers).toContain('dates-unknown');
    expect(built?.finding.period).toEqual({ from: '2020', to: null });
    expect(built && findingPeriod(built.finding.period, undefined, built.finding.qualifiers)).toBe('undated');
  });

  it('names people by their alias in the reader’s script', () => {
    const built = record && findingOf(pattern('board-interlock'), record, undefined, 'ar');
    expect(built?.finding.title).toContain('فنسنت لاين');
    expect(built?.finding.title).not.toContain('Vincent Line');
  });
});
