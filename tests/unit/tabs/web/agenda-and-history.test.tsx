/**
 * @jest-environment jsdom
 */
/**
 * Ärenden in the tab's existing views: under Möten each meeting's agenda (its ärenden in order
 * with kind, status and preparing group, the days left to submit more, where to submit one in
 * SharePoint or the local file), and under Balanslista each entry's history folded into
 * "Behandlat i SVOM (n)" with the meeting that handled it and what was decided.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { TabApp } from '../../../../tabs/web/src/components/tab-app';
import { newErrandUrl } from '../../../../tabs/web/src/components/meeting-agenda';
import { browserHost } from '../../../../tabs/web/src/teams/host';
import type { BalanceListView } from '../../../../src/view-model';
import { fixedLocation, installMatchMedia, StaticClient } from './doubles';
import { fixtureView } from './fixture';
import { errand } from './forum-fixture';

beforeAll(installMatchMedia);
// Möten loads its code on demand; loading (and transforming) it the first time can take longer
// than a findBy waits on a busy machine, so it is loaded before the tests start.
beforeAll(() => import('../../../../tabs/web/src/views/meetings-view'));

function renderView(view: BalanceListView, search: string, locale = 'sv-SE') {
  render(<TabApp host={browserHost({ locale, theme: 'light' })} client={new StaticClient(view)} location={fixedLocation(search)} pollMs={60_000} />);
}

const ERRANDS_LIST = 'https://contoso.sharepoint.com/sites/svom/Lists/Arenden';

/** The fixture's upcoming meeting (mote-2, 2023-02-16, deadline 2023-02-02) with three ärenden, one past meeting with one. */
function withErrands(lists: Record<string, string> = { errands: ERRANDS_LIST }): BalanceListView {
  const view = fixtureView();
  return {
    ...view,
    lists: { ...view.lists, ...lists },
    errands: [
      errand('1', {
        title: 'Vältel 2.0 – lägesrapport',
        meeting: { key: 'mote-2', id: null },
        order: 2,
        kind: 'information',
        status: 'prepared',
        preparingGroup: 'Fredagsgruppen',
        entryKeys: ['prio-1-1'],
      }),
      errand('2', {
        title: 'Handlingsplan psykisk hälsa',
        meeting: { key: null, id: '2' },
        order: 1,
        kind: 'decision',
        status: 'reported',
        preparingGroup: 'L-IFO',
        entryKeys: ['prio-2-1'],
      }),
      errand('3', {
        title: 'Ärende till ett annat möte',
        meeting: { key: 'mote-1', id: null },
        order: 1,
        status: 'handled',
        decision: 'SVOM beslutade att rekommendera avtalet.',
        entryKeys: ['prio-1-1'],
      }),
      errand('4', { title: 'Ärende till ett möte som inte finns', meeting: { key: 'mote-99', id: null }, entryKeys: ['prio-1-1'] }),
      errand('5', {
        title: 'Ärende med dokument',
        meeting: { key: 'mote-2', id: null },
        order: 3,
        documentLink: 'https://contoso.sharepoint.com/sites/svom/Shared%20Documents/x.pdf',
      }),
    ],
  };
}

describe('Möten: the agenda', () => {
  it('lists the meeting’s ärenden in agenda order with kind, status and group, and the days left', async () => {
    renderView(withErrands(), '?view=moten');
    const meeting = await screen.findByRole('article', { name: /2023-02-16/ });
    expect(within(meeting).getByText('2023-02-02 (63 dagar kvar)')).toBeTruthy();
    const agenda = within(meeting).getByRole('region', { name: 'Dagordning: 3 ärenden' });
    const items = within(agenda).getAllByRole('listitem');
    // By agenda order; the ärende naming the meeting by its item id (a lookup) is on it too.
    expect(items.map((item) => item.querySelector('.errand-title')?.textContent)).toEqual([
      'Handlingsplan psykisk hälsa',
      'Vältel 2.0 – lägesrapport',
      'Ärende med dokument',
    ]);
    expect(items[0]?.textContent).toContain('Beslut');
    expect(items[0]?.textContent).toContain('Anmält');
    expect(within(items[0] as HTMLElement).getByText('L-IFO')).toBeTruthy();
    expect(items[1]?.textContent).toContain('Information');
    expect(items[1]?.textContent).toContain('Berett');
    expect(
      within(items[2] as HTMLElement)
        .getByRole('link', { name: 'Handlingar: Ärende med dokument' })
        .getAttribute('href'),
    ).toBe('https://contoso.sharepoint.com/sites/svom/Shared%20Documents/x.pdf');
    const add = within(meeting).getByRole('link', { name: 'Anmäl ett ärende i SharePoint: Exempel: SVOM ordinarie möte' });
    expect(add.getAttribute('href')).toBe(`${ERRANDS_LIST}/NewForm.aspx`);
  });

  it('keeps a held meeting’s agenda as history, with nothing more to submit', async () => {
    renderView(withErrands(), '?view=moten');
    await screen.findByRole('article', { name: /2023-02-16/ });
    const past = screen.getByText('Tidigare möten (1)').closest('details') as HTMLElement;
    const agenda = within(past).getByRole('region', { name: 'Dagordning: 1 ärende' });
    expect(within(agenda).getByText('Ärende till ett annat möte')).toBeTruthy();
    expect(within(past).queryByRole('link', { name: /Anmäl ett ärende/ })).toBeNull();
  });

  it('says when nothing is submitted yet; in local mode it names the file, without a list address no link', async () => {
    renderView({ ...withErrands({ errands: 'file:///srv/balanslistan/lists.json#errands' }), errands: [], source: 'local' }, '?view=moten');
    const meeting = await screen.findByRole('article', { name: /2023-02-16/ });
    expect(within(meeting).getByRole('region', { name: 'Dagordning' })).toBeTruthy();
    expect(within(meeting).getByText('Inga ärenden är anmälda till mötet än.')).toBeTruthy();
    expect(within(meeting).getByText('Nya ärenden skrivs in i filen /srv/balanslistan/lists.json (listan errands).')).toBeTruthy();
    expect(within(meeting).queryByRole('link', { name: /Anmäl/ })).toBeNull();
  });

  it('offers no link while the source has no ärenden list', async () => {
    renderView({ ...fixtureView(), errands: [] }, '?view=moten');
    const meeting = await screen.findByRole('article', { name: /2023-02-16/ });
    expect(within(meeting).getByText('Inga ärenden är anmälda till mötet än.')).toBeTruthy();
    expect(within(meeting).queryByText(/Anmäl ett ärende|Nya ärenden/)).toBeNull();
  });

  it('speaks English', async () => {
    renderView(withErrands(), '?view=moten', 'en-GB');
    const meeting = await screen.findByRole('article', { name: /2023-02-16/ });
    expect(within(meeting).getByText('2023-02-02 (63 days left)')).toBeTruthy();
    expect(within(meeting).getByRole('region', { name: 'Agenda: 3 items' })).toBeTruthy();
    expect(within(meeting).getByText('Decision')).toBeTruthy();
    expect(within(meeting).getByText('Reported')).toBeTruthy();
    expect(within(meeting).getByRole('link', { name: /^Submit an item in SharePoint/ })).toBeTruthy();
  });
});

describe('newErrandUrl', () => {
  it('opens the new-item form of a list, and any other address as given', () => {
    expect(newErrandUrl(`${ERRANDS_LIST}/`)).toBe(`${ERRANDS_LIST}/NewForm.aspx`);
    expect(newErrandUrl('https://contoso.sharepoint.com/sites/svom')).toBe('https://contoso.sharepoint.com/sites/svom');
  });
});

describe('Balanslista: an entry’s history', () => {
  it('folds the ärenden that concerned an entry under it, with the meeting and the decision', async () => {
    renderView(withErrands(), '');
    const entry = await screen.findByText('Vältel 2.0', { selector: '.bl-title' });
    const item = entry.closest('[data-entry-key]') as HTMLElement;
    const history = item.querySelector('details') as HTMLDetailsElement;
    expect(history.open).toBe(false);
    const summary = within(history).getByText('Behandlat i SVOM (3)');
    fireEvent.click(summary);
    const lines = within(history).getAllByRole('listitem');
    expect(lines.map((line) => line.querySelector('.errand-context')?.textContent)).toEqual([
      '2022-02-26 · SVOM',
      '2023-02-16 · Exempel: SVOM ordinarie möte',
      'Mötet ”mote-99” finns inte i möteslistan',
    ]);
    expect(within(lines[0] as HTMLElement).getByText('SVOM beslutade att rekommendera avtalet.')).toBeTruthy();
    expect(within(lines[0] as HTMLElement).getByText('Behandlat')).toBeTruthy();
  });

  it('adds nothing under an entry no ärende names', async () => {
    renderView(withErrands(), '');
    const entry = await screen.findByText('E-hälsocentrums verksamhet', { selector: '.bl-title' });
    expect((entry.closest('[data-entry-key]') as HTMLElement).querySelector('details')).toBeNull();
    expect(screen.getAllByText(/^Behandlat i SVOM/)).toHaveLength(2);
  });
});
