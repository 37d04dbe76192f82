/**
 * Every word the annual report says, in Swedish (the default) and English. The renderers read
 * these only, so no format holds a language of its own.
 */
import type { ErrandKind, ErrandStatus, FollowUpProblemCode } from '../domain/errands';
import type { AgreementState } from '../domain/types';

export type ReportLanguage = 'sv' | 'en';

const SV_MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const sv = {
  title: (forumName: string, year: number) => `Uppföljning ${forumName} ${year}`,
  intro: (forumGenitive: string, year: number) =>
    `Följande redovisning visar översiktligt det innehåll som varit på agendorna för ${forumGenitive} möten under ${year}.`,
  // Abbreviations take a colon ("SVOM:s"); a name ending in s, x or z takes nothing.
  genitive: (name: string) => (/[A-ZÅÄÖ0-9]$/u.test(name) ? `${name}:s` : /[sxz]$/iu.test(name) ? name : `${name}s`),
  unnamedForum: 'forumet',
  noForumProfile: 'Forumets beskrivning och representation är inte ifyllda (listan Forum SVOM).',
  representationMunicipalities: 'Representation kommunerna',
  representationRegion: (regionName: string) => `Representation ${regionName || 'regionen'}`,
  errandsHeading: (shortName: string) => `${shortName} – ärenden`,
  errandCount: (count: number, year: number) =>
    count === 0 ? `Inga ärenden är registrerade för ${year}.` : `${count} ${count === 1 ? 'ärende är registrerat' : 'ärenden är registrerade'} för ${year}.`,
  meetingFrequency: 'Mötesfrekvens',
  noMeetings: (year: number) => `Inga möten är registrerade för ${year}.`,
  meetingsRegistered: (count: number, year: number) =>
    `Under ${year} ${count === 1 ? 'finns 1 möte eller evenemang registrerat' : `finns ${count} möten och evenemang registrerade`}:`,
  planned: (planned: number, held: number) =>
    `Enligt ordinarie planering hålls ${planned} möten per år (det gemensamma med Västernorrland inräknat); ${held} av dem är registrerade.`,
  ordinary: (count: number) => `Ordinarie möten: ${count}`,
  joint: (count: number) => `Gemensamma möten med Västernorrland: ${count}`,
  extra: (count: number) => `Extra möten: ${count}`,
  event: (count: number) => `Andra evenemang: ${count}`,
  unspecified: (count: number) => `Möten utan angiven mötestyp: ${count}`,
  goalsHeading: 'Uppföljning av mål',
  balanceHeading: 'Balanslista',
  basedOnBalanceList: 'Uppföljning baserat på balanslistan',
  noEntriesInSection: 'Inga punkter är registrerade under det här avsnittet.',
  noAgreements: 'Inga avtal eller överenskommelser är registrerade i balanslistan.',
  unnamedSection: 'Punkter utan känt avsnitt',
  withoutErrand: (year: number) => `Inget ärende registrerat under ${year}.`,
  validity: 'Giltighetstid',
  notStated: 'ej angiven',
  stateAtYearEnd: (year: number) => `Vid årets slut (31 december ${year})`,
  agreementState: {
    active: 'gäller',
    expiring: 'löper snart ut',
    expired: 'har upphört',
    unknown: 'slutdatum okänt',
  } satisfies Record<AgreementState, string>,
  documents: 'Handlingar',
  preparedBy: (group: string) => `berett av ${group}`,
  errandKind: {
    information: 'information',
    decision: 'beslut',
    discussion: 'diskussion',
    'follow-up': 'uppföljning',
  } satisfies Record<ErrandKind, string>,
  errandStatus: {
    reported: 'anmält',
    prepared: 'berett',
    handled: 'behandlat',
    tabled: 'bordlagt',
    'referred-back': 'återremitterat',
  } satisfies Record<ErrandStatus, string>,
  noMeetingGiven: 'möte anges inte',
  unplacedHeading: 'Ärenden utan koppling till balanslistan',
  problemsHeading: 'Datakvalitet',
  problemsIntro: (count: number) => `${count} ${count === 1 ? 'problem' : 'problem'} i listorna behöver rättas:`,
  problem: {
    'unknown-meeting': 'hänvisar till ett möte som inte finns',
    'unknown-entry': 'hänvisar till en punkt i balanslistan som inte finns',
    'unknown-section': 'har ett avsnitt som inte finns',
    'no-year': 'saknar både möte och år',
    'year-conflict': 'har ett annat år än sitt möte',
    'no-forum-profile': 'forumets beskrivning saknas',
    'missing-title': 'saknar rubrik',
    'missing-key': 'saknar nyckel',
    'duplicate-key': 'har en nyckel som en annan rad också har',
    'unknown-parent': 'har en överordnad nyckel som inte finns',
    'unknown-choice': 'har ett värde som inte finns bland valen',
    'invalid-date': 'har ett datum som inte går att läsa',
    'invalid-number': 'har ett tal som inte går att läsa',
    'invalid-field-type': 'har ett värde av fel slag',
    'unparseable-validity': 'har en giltighetstid som inte går att läsa',
    'validity-conflict': 'har en giltighetstid som motsäger datumen',
    'missing-date': 'saknar datum',
    'missing-validity': 'saknar giltighetstid, så ingen påminns innan avtalet går ut',
    'missing-list': 'finns inte på webbplatsen ännu',
    'unknown-errand': 'hänvisar till ett ärende som inte finns',
    'due-before-meeting': 'ska vara klart före mötet som gav uppdraget',
    'unknown-person': 'har en ansvarig person som inte längre finns i organisationen',
    'same-day-meetings': 'är samma dag som ett annat möte',
  } satisfies Record<FollowUpProblemCode, string>,
  listName: { balance: 'Balanslista', meetings: 'Möten', errands: 'Ärenden', forum: 'Forum', sections: 'Avsnitt', actions: 'Uppdrag' },
  date: {
    day: (day: number, month: number, year: number) => `${day} ${SV_MONTHS[month - 1] ?? ''} ${year}`,
    month: (month: number, year: number) => `${SV_MONTHS[month - 1] ?? ''} ${year}`,
    year: (year: number) => `${year}, datum anges inte`,
    none: 'datum anges inte',
  },
};

export type ReportStrings = typeof sv;

const en: ReportStrings = {
  title: (forumName, year) => `Follow-up ${forumName} ${year}`,
  intro: (forumGenitive, year) => `This report gives an overview of what was on the agendas of ${forumGenitive} meetings during ${year}.`,
  genitive: (name) => `${name}'s`,
  unnamedForum: 'the forum',
  noForumProfile: "The forum's description and representation are not filled in (list Forum SVOM).",
  representationMunicipalities: 'Representation of the municipalities',
  representationRegion: (regionName) => `Representation of ${regionName || 'the region'}`,
  errandsHeading: (shortName) => `${shortName} – items`,
  errandCount: (count, year) =>
    count === 0 ? `No items are registered for ${year}.` : `${count} ${count === 1 ? 'item is' : 'items are'} registered for ${year}.`,
  meetingFrequency: 'Meeting frequency',
  noMeetings: (year) => `No meetings are registered for ${year}.`,
  meetingsRegistered: (count, year) => `${count} ${count === 1 ? 'meeting or event is' : 'meetings and events are'} registered for ${year}:`,
  planned: (planned, held) => `The ordinary plan is ${planned} meetings a year (the joint one with Västernorrland included); ${held} of them are registered.`,
  ordinary: (count) => `Ordinary meetings: ${count}`,
  joint: (count) => `Joint meetings with Västernorrland: ${count}`,
  extra: (count) => `Extra meetings: ${count}`,
  event: (count) => `Other events: ${count}`,
  unspecified: (count) => `Meetings of no stated kind: ${count}`,
  goalsHeading: 'Follow-up of goals',
  balanceHeading: 'Balance list',
  basedOnBalanceList: 'Follow-up based on the balance list',
  noEntriesInSection: 'No entries are registered in this section.',
  noAgreements: 'No agreements are registered in the balance list.',
  unnamedSection: 'Entries of no known section',
  withoutErrand: (year) => `No item registered during ${year}.`,
  validity: 'Validity',
  notStated: 'not stated',
  stateAtYearEnd: (year) => `At the end of the year (31 December ${year})`,
  agreementState: { active: 'in force', expiring: 'expiring soon', expired: 'expired', unknown: 'end date unknown' },
  documents: 'Documents',
  preparedBy: (group) => `prepared by ${group}`,
  errandKind: { information: 'information', decision: 'decision', discussion: 'discussion', 'follow-up': 'follow-up' },
  errandStatus: { reported: 'reported', prepared: 'prepared', handled: 'handled', tabled: 'tabled', 'referred-back': 'referred back' },
  noMeetingGiven: 'meeting not stated',
  unplacedHeading: 'Items not linked to the balance list',
  problemsHeading: 'Data quality',
  problemsIntro: (count) => `${count} ${count === 1 ? 'problem' : 'problems'} in the lists to correct:`,
  problem: {
    'unknown-meeting': 'names a meeting that does not exist',
    'unknown-entry': 'names a balance-list entry that does not exist',
    'unknown-section': 'names a section that does not exist',
    'no-year': 'has neither a meeting nor a year',
    'year-conflict': 'has another year than its meeting',
    'no-forum-profile': 'the forum profile is missing',
    'missing-title': 'has no title',
    'missing-key': 'has no key',
    'duplicate-key': 'has a key another row has too',
    'unknown-parent': 'names a parent key that does not exist',
    'unknown-choice': 'has a value that is not one of the choices',
    'invalid-date': 'has a date that cannot be read',
    'invalid-number': 'has a number that cannot be read',
    'invalid-field-type': 'has a value of the wrong type',
    'unparseable-validity': 'has a validity that cannot be read',
    'validity-conflict': 'has a validity that contradicts its dates',
    'missing-date': 'has no date',
    'missing-validity': 'has no validity period, so nobody is reminded before it ends',
    'missing-list': 'does not exist on the site yet',
    'unknown-errand': 'names an item that does not exist',
    'due-before-meeting': 'is due before the meeting that gave it',
    'unknown-person': 'names a responsible person who is no longer in the organisation',
    'same-day-meetings': 'is on the same day as another meeting',
  },
  listName: { balance: 'Balance list', meetings: 'Meetings', errands: 'Items', forum: 'Forum', sections: 'Sections', actions: 'Actions' },
  date: {
    day: (day, month, year) => `${day} ${EN_MONTHS[month - 1] ?? ''} ${year}`,
    month: (month, year) => `${EN_MONTHS[month - 1] ?? ''} ${year}`,
    year: (year) => `${year}, date not stated`,
    none: 'date not stated',
  },
};

export function reportStrings(language: ReportLanguage): ReportStrings {
  return language === 'en' ? en : sv;
}
