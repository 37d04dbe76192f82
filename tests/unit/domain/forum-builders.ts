/** Small builders of the follow-up's domain objects for tests; every field has a plain default. */
import type { Action } from '../../../src/domain/actions';
import type { Errand, ForumData, ForumMeeting, ForumProfile, SectionedEntry } from '../../../src/domain/errands';
import type { SectionDefinition } from '../../../src/domain/sections';
import type { Entry, Validity } from '../../../src/domain/types';
import { agreement, entry } from './builders';

export function section(key: string, overrides: Partial<SectionDefinition> = {}): SectionDefinition {
  return { key, name: key, order: 1, periodText: '', fromYear: null, toYear: null, agreements: false, description: '', ...overrides };
}

/** An entry as the follow-up reads it: `entry`'s defaults, a goal area, in the section `sectionKey`. */
export function area(key: string, sectionKey: string, overrides: Partial<SectionedEntry> = {}): SectionedEntry {
  return { ...sectioned(entry({ key, kind: 'goal-area' }), sectionKey), ...overrides };
}

export function agreementEntry(key: string, sectionKey: string, validity: Partial<Validity>): SectionedEntry {
  return sectioned(agreement(key, validity), sectionKey);
}

function sectioned({ section: _section, ...rest }: Entry, sectionKey: string): SectionedEntry {
  return { ...rest, sectionKey };
}

export function forumMeeting(key: string, overrides: Partial<ForumMeeting> = {}): ForumMeeting {
  return {
    id: key,
    key,
    title: key,
    date: { year: 2017, month: null, day: null },
    kind: 'ordinary',
    subject: '',
    notes: '',
    link: null,
    editUrl: '',
    ...overrides,
  };
}

export function errand(key: string, overrides: Partial<Errand> = {}): Errand {
  return {
    id: key,
    key,
    title: key,
    meeting: null,
    year: 2017,
    entryKeys: [],
    preparingGroup: '',
    kind: null,
    status: null,
    decision: '',
    documentLink: null,
    order: 1,
    eTag: '"1"',
    editUrl: `https://contoso.sharepoint.com/sites/SVOM/Lists/Arenden/${key}`,
    ...overrides,
  };
}

export function action(key: string, overrides: Partial<Action> = {}): Action {
  return {
    id: key,
    key,
    title: key,
    errandKey: null,
    group: '',
    person: null,
    due: null,
    status: 'open',
    doneOn: null,
    notes: '',
    eTag: `"${key},1"`,
    editUrl: '',
    ...overrides,
  };
}

export function profile(overrides: Partial<ForumProfile> = {}): ForumProfile {
  return {
    name: 'Sociala vård- och omsorgsgruppen',
    shortName: 'SVOM',
    description: '',
    representationMunicipalities: '',
    representationRegion: '',
    regionName: '',
    otherParticipants: '',
    preparation: '',
    meetingPlan: '',
    plannedMeetingsPerYear: null,
    goalsText: '',
    balanceListText: '',
    ...overrides,
  };
}

export function forumData(overrides: Partial<ForumData> = {}): ForumData {
  return { sections: [], entries: [], meetings: [], errands: [], actions: [], forum: profile(), problems: [], ...overrides };
}
