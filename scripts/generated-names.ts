/**
 * Plausible names for the generated graph. Search is measured on them, so they must behave like real
 * names: many people share a first name or a surname (a query for one matches hundreds), a few full names
 * repeat, some carry accents or are written in Arabic script, and organisations and agencies are several
 * words long. Names come from their own random stream so the graph's structure does not depend on them.
 */
import { seededRandom } from './random.js';

/** Word lists are written `a|b|c` to keep them short to read; some entries have spaces. */
const list = (text: string) => text.split('|');

const FIRST = list(
  'Maria|James|José|Linda|Robert|Ana|Michael|Sofía|David|Patricia|Ahmed|Fatima|John|Jennifer|Carlos|Lucía|William|Elizabeth|Omar|Leila|Richard|Susan|Juan|Carmen|Thomas|Karen|Nguyen|Mei|Daniel|Nancy|Luis|Rosa|Matthew|Lisa|Hassan|Aisha|Anthony|Betty|Miguel|Isabel|Mark|Sandra|Jorge|Elena|Steven|Ashley|Yusuf|Noor|Paul|Kimberly|Andrés|Valentina|Kevin|Donna|Brian|Michelle|Tariq|Salma|George|Dorothy|Vincent|Grace|Zoë|Renée',
);
const LAST = list(
  "Garcia|Smith|Rodríguez|Johnson|Martínez|Williams|Hernández|Brown|López|Jones|González|Miller|Pérez|Davis|Sánchez|Wilson|Ramírez|Anderson|Torres|Taylor|Flores|Thomas|Rivera|Moore|Gómez|Jackson|Díaz|Martin|Reyes|Lee|Morales|Thompson|Cruz|White|Ortiz|Harris|Gutiérrez|Clark|Chávez|Lewis|Ramos|Robinson|Ruiz|Walker|Alvarez|Young|Mendoza|Allen|Castillo|King|Haddad|Wright|Nasser|Scott|Khalil|Green|Mansour|Baker|Tran|Adams|Nguyen|Nelson|Kim|Hill|Line|O'Brien|Campbell|Mitchell|Schäfer|Novák",
);
/** A few people written in Arabic script, as a translated source would give them. */
const ARABIC = list('محمد حداد|فاطمة منصور|عمر خليل|ليلى ناصر|يوسف عبد الله|نور الهدى سالم');
const INITIALS = 'ABCDEFGHJKLMNPRSTW';

const ORG_WORDS = list(
  'Arbor|Summit|Keystone|Meridian|Pioneer|Sentinel|Cascade|Beacon|Granite|Liberty|Horizon|Frontier|Atlas|Harbor|Vantage|Crescent|Redwood|Silverline|Northstar|Quarry|Tandem|Bluewater|Ironwood|Clearview|Pinnacle|Evergreen|Lumen|Bridgeway|Canyon|Orion',
);
const ORG_TRADES = list(
  'Data|Risk Solutions|Analytics|Information Services|Records|Correctional Services|Security|Consulting|Software|Identity|Background Screening|Telecom|Investigations|Logistics',
);
const ORG_SUFFIX = list('Inc.|LLC|Group|Corp.|Holdings|Partners|Ltd.|');
const BROKERS = list('Nexum Risk Data|Appria Records|Veritrack Information|Clearwater Identity|Datalink Holdings');

const PLACES = list(
  'Adams|Arapahoe|Boulder|Denver|El Paso|Jefferson|Larimer|Mesa|Pueblo|Weld|Douglas|Garfield|Eagle|Fremont|La Plata|Montrose|Otero|Routt|Summit|Teller|Alamosa|Chaffee|Delta|Elbert|Grand|Gunnison|Logan|Moffat|Morgan|Park|Prowers|Rio Grande|Archuleta|Baca|Bent|Cheyenne|Clear Creek|Conejos|Costilla|Crowley|Custer|Dolores|Gilpin|Hinsdale|Huerfano|Jackson|Kiowa|Kit Carson|Lake|Las Animas|Lincoln|Mineral',
);
const OFFICES = list(
  "County Sheriff's Office|County Jail|Police Department|Department of Corrections|County Commission|District Court|District Attorney's Office|Department of Public Safety|Board of Supervisors|Department of Human Services|Office of Emergency Management|Probation Department",
);
const SYSTEM_WORDS = list('Jail|Booking|Victim Notification|Warrant|Case|Records|Offender|Court');
const SYSTEM_TYPES = list('Alert System|Management System|Exchange|Portal|Database|Network');
const LAW_SUBJECTS = list(
  'Civil Immigration Detainer|Data Privacy|Public Records|Sanctuary|Jail Data Sharing|Law Enforcement Transparency|Consumer Data|Procurement Integrity',
);
const SERVICES = list(
  'inmate data|records management|background checks|jail notification|identity verification|case management software|data analytics|license plate data',
);
const PUBLISHERS = list('The Colorado Sun|Denver Post|ProPublica|Associated Press|The Intercept|Reuters');

export interface NameMaker {
  person(i: number): string;
  organization(i: number): string;
  publicBody(i: number): string;
  system(i: number): string;
  law(i: number, year: number): string;
  contract(i: number, year: number): string;
  document(i: number): string;
}

export function nameMaker(seed: number): NameMaker {
  const rand = seededRandom(seed ^ 0x5eed);
  const one = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  /** The `k`-th use of the same base name gets a distinguishing suffix, as registries do. */
  const numbered = () => {
    const used = new Map<string, number>();
    return (base: string, suffix: (k: number) => string) => {
      const k = (used.get(base) ?? 0) + 1;
      used.set(base, k);
      return k === 1 ? base : `${base} ${suffix(k)}`;
    };
  };
  const orgNames = numbered();
  const bodyNames = numbered();
  const systemNames = numbered();
  return {
    person: () => {
      if (rand() < 0.01) return one(ARABIC);
      // A middle initial for most: full names repeat now and then, as they do in life.
      const middle = rand() < 0.7 ? ` ${one([...INITIALS])}.` : '';
      return `${one(FIRST)}${middle} ${one(LAST)}`;
    },
    organization: (i) =>
      i < BROKERS.length
        ? BROKERS[i]!
        : orgNames(`${one(ORG_WORDS)} ${one(ORG_TRADES)} ${one(ORG_SUFFIX)}`.trim(), (k) => `(${k})`),
    publicBody: (i) =>
      i === 0 ? 'Immigration Enforcement Agency' : bodyNames(`${one(PLACES)} ${one(OFFICES)}`, (k) => `District ${k}`),
    system: () => systemNames(`${one(PLACES)} ${one(SYSTEM_WORDS)} ${one(SYSTEM_TYPES)}`, (k) => `${k}`),
    law: (i, year) => `HB${String(year % 100).padStart(2, '0')}-${1001 + i} ${one(LAW_SUBJECTS)} Act`,
    contract: (i, year) => `Contract ${year}-${String(i).padStart(5, '0')} for ${one(SERVICES)}`,
    document: (i) => `${one(PUBLISHERS)} report ${i + 1}`,
  };
}
