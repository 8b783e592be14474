/**
 * An update of a real OCDS award release as a publisher sends one (tests/fixtures/sources/
 * contracts-finder.ocds.json): only what changed, so an import must merge it into what it knows of the
 * contract, not replace it. The new value comes without its currency, the end of the contract period is
 * removed (null), an amendment is added; no title, suppliers, buyer or parties.
 */
/** The fields of the sample's award releases the tests compare with (as the fixture gives them). */
export interface SampleAward {
  id: string;
  date: string;
  description: string;
  value: { amount: number; currency: string };
  contractPeriod: { startDate: string; endDate: string };
  suppliers: { id: string; name: string }[];
}

export interface SampleRelease {
  ocid: string;
  id: string;
  tender: { title: string };
  buyer: { name: string };
  awards: SampleAward[];
}

export function awardUpdateOf(release: SampleRelease) {
  return {
    ocid: release.ocid,
    id: `${release.id}-update`,
    date: '2023-01-10T09:00:00Z',
    tag: ['awardUpdate'],
    awards: [
      {
        id: release.awards[0]?.id,
        value: { amount: 50000 },
        contractPeriod: { endDate: null },
        amendments: [{ id: '1', date: '2023-01-09T00:00:00Z', rationale: 'Licences added' }],
      },
    ],
  };
}
