/** Small builders of domain objects for the domain tests; every field has a plain default. */
import type { Entry, Meeting, Validity } from '../../../src/domain/types';

export function entry(overrides: Partial<Entry> & { key: string }): Entry {
  return {
    id: overrides.key,
    section: 'priorities',
    kind: 'item',
    parentKey: null,
    order: 1,
    title: overrides.key,
    status: null,
    preparingGroups: [],
    notes: '',
    nextFollowUp: null,
    agreement: null,
    eTag: '"1"',
    editUrl: `https://contoso.sharepoint.com/sites/SVOM/Lists/Balanslista/${overrides.key}`,
    modifiedAt: null,
    ...overrides,
  };
}

export function agreement(key: string, validity: Partial<Validity>, overrides: Partial<Entry> = {}): Entry {
  return entry({
    key,
    section: 'agreements',
    kind: 'agreement',
    agreement: {
      validity: { text: '', from: null, to: null, ...validity },
      recommendingForums: ['SVOM'],
      revisionStatus: null,
      revisionUpdatedBy: null,
      revisionUpdatedAt: null,
    },
    ...overrides,
  });
}

export function meeting(id: string, date: string, overrides: Partial<Meeting> = {}): Meeting {
  return {
    id,
    key: '',
    title: `SVOM ${date}`,
    date,
    time: null,
    kind: 'ordinary',
    location: '',
    link: null,
    itemDeadline: null,
    preparingGroups: [],
    notes: '',
    eTag: '"1"',
    editUrl: `https://contoso.sharepoint.com/sites/SVOM/Lists/Moten/${id}`,
    ...overrides,
  };
}
