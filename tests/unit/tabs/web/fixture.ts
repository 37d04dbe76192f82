/** A small balance list view in the exact shape of GET /api/balance-list, for component tests. */
import type { Entry, Meeting } from '../../../../src/domain/types';
import { mapSections } from '../../../../src/lists/sections-mapping';
import type { AgreementView, BalanceListView } from '../../../../src/view-model';

const SP = 'https://contoso.sharepoint.com/sites/svom/Lists/Balanslista/DispForm.aspx?ID=';

export function entry(id: string, key: string, fields: Partial<Entry> = {}): Entry {
  return {
    id,
    key,
    section: 'priorities',
    kind: 'item',
    parentKey: null,
    order: Number(id),
    title: `Post ${id}`,
    status: null,
    preparingGroups: [],
    notes: '',
    nextFollowUp: null,
    agreement: null,
    eTag: `"e${id},1"`,
    editUrl: `${SP}${id}`,
    modifiedAt: null,
    ...fields,
  };
}

export function agreement(
  id: string,
  key: string,
  fields: Partial<AgreementView> & { validity: { text: string; from: string | null; to: string | null } },
): AgreementView {
  const { validity, ...rest } = fields;
  return {
    ...entry(id, key, { section: 'agreements', kind: 'agreement' }),
    kind: 'agreement',
    agreement: { validity, recommendingForums: ['SVOM'], revisionStatus: null, revisionUpdatedBy: null, revisionUpdatedAt: null },
    entryStatus: null,
    status: 'active',
    daysLeft: null,
    ...rest,
  };
}

function meeting(id: string, date: string, fields: Partial<Meeting> = {}): Meeting {
  return {
    id,
    key: `mote-${id}`,
    title: `Möte ${id}`,
    date,
    time: null,
    kind: 'ordinary',
    location: 'Östersund',
    link: null,
    itemDeadline: null,
    preparingGroups: [],
    notes: '',
    eTag: `"m${id},1"`,
    editUrl: `https://contoso.sharepoint.com/sites/svom/Lists/Moten/DispForm.aspx?ID=${id}`,
    ...fields,
  };
}

export function fixtureView(overrides: Partial<BalanceListView> = {}): BalanceListView {
  return {
    source: 'sharepoint',
    generatedAt: '2022-12-01T09:00:00.000Z',
    refreshedAt: '2022-12-01T09:00:00.000Z',
    stale: false,
    staleSince: null,
    today: '2022-12-01',
    expiringWithinDays: 180,
    meetingWithinDays: 120,
    demoDate: null,
    lists: { balance: 'https://contoso.sharepoint.com/sites/svom/Lists/Balanslista', meetings: 'https://contoso.sharepoint.com/sites/svom/Lists/Moten' },
    sections: mapSections([]).sections,
    entries: [
      entry('1', 'prio-1', { kind: 'priority-area', title: 'Välfärdsteknologi' }),
      entry('2', 'prio-1-1', { parentKey: 'prio-1', title: 'Vältel 2.0', status: 'active', preparingGroups: ['Fredagsgruppen'] }),
      entry('3', 'prio-1-2', { parentKey: 'prio-1', title: 'E-hälsocentrums verksamhet', status: 'monitoring', nextFollowUp: '2023-02-16' }),
      entry('4', 'prio-2', { kind: 'priority-area', title: 'Psykisk hälsa' }),
      entry('5', 'prio-2-1', { parentKey: 'prio-2', title: 'Handlingsplan psykisk hälsa', preparingGroups: ['L-IFO'], notes: 'Följs upp 2023.' }),
      entry('6', 'flera-1', { section: 'several', kind: 'heading', title: 'Upphandling' }),
      entry('7', 'orphan', { section: 'several', parentKey: 'finns-inte', title: 'Post med okänd förälder' }),
    ],
    agreements: [
      agreement('10', 'avtal-1', {
        title: 'Avtal om in- och utskrivning',
        validity: { text: 't.o.m. 2022-03-31', from: null, to: '2022-03-31' },
        status: 'expired',
        daysLeft: -245,
      }),
      agreement('11', 'avtal-2', {
        title: 'Samverkansavtal hemsjukvård',
        validity: { text: 't.o.m. 2022-12-31', from: null, to: '2022-12-31' },
        status: 'expiring',
        daysLeft: 30,
      }),
      agreement('12', 'avtal-3', {
        title: 'Länsöverenskommelse riskbruk',
        validity: { text: '2021-2023', from: '2021-01-01', to: '2023-12-31' },
        status: 'active',
        daysLeft: 395,
        preparingGroups: ['SamReKo'],
      }),
      agreement('13', 'avtal-4', { title: 'Tandvårdsavtal', validity: { text: '', from: null, to: null }, status: 'unknown', daysLeft: null }),
    ],
    meetings: [
      meeting('1', '2022-02-26', { title: 'SVOM' }),
      meeting('2', '2023-02-16', { title: 'Exempel: SVOM ordinarie möte', time: '09:00', itemDeadline: '2023-02-02' }),
    ],
    errands: [],
    actions: [],
    problems: [
      {
        list: 'balance',
        itemId: '13',
        title: 'Tandvårdsavtal',
        field: 'ValidityText',
        code: 'unparseable-validity',
        value: 'sedan 1990-talet',
        message: 'Validity "sedan 1990-talet" cannot be parsed',
        editUrl: `${SP}13`,
      },
    ],
    ...overrides,
  };
}
