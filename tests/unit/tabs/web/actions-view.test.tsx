/**
 * @jest-environment jsdom
 */
/**
 * Uppdrag in the tab: the open actions by due date with days late, filtered by group and person
 * (in the address), done ones folded, each linking to its ärende and its meeting; under Möten a
 * past meeting's ärenden show their decisions and the actions they gave.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { TabApp } from '../../../../tabs/web/src/components/tab-app';
import { browserHost } from '../../../../tabs/web/src/teams/host';
import type { BalanceListView } from '../../../../src/view-model';
import { action, forumData, forumMeeting } from '../../domain/forum-builders';
import { fixedLocation, installMatchMedia, MemoryLocation, StaticClient } from './doubles';
import { fixtureView } from './fixture';
import { errand, ForumFollowUpClient } from './forum-fixture';

beforeAll(installMatchMedia);

const ERRAND_URL = 'https://contoso.sharepoint.com/sites/svom/Lists/Arenden/3_.000';

/** The fixture's past meeting (mote-1, 2022-02-26) gave two actions from one ärende; a third names no ärende that exists. */
function withActions(): BalanceListView {
  const view = fixtureView();
  return {
    ...view,
    lists: { ...view.lists, actions: 'https://contoso.sharepoint.com/sites/svom/Lists/Uppdrag' },
    errands: [
      errand('3', {
        key: 'e-psyk',
        title: 'Handlingsplan psykisk hälsa',
        meeting: { key: 'mote-1', id: null },
        decision: 'SVOM ställer sig bakom planen.',
        editUrl: ERRAND_URL,
      }),
    ],
    actions: [
      action('a-late', {
        id: '1',
        title: 'Återkom med förslag',
        errandKey: 'e-psyk',
        group: 'Fredagsgruppen',
        person: { name: 'Anna Berg', lookupId: '14' },
        due: '2022-11-20',
      }),
      action('a-soon', { id: '2', title: 'Revidera avtalet', errandKey: 'e-psyk', group: 'L-IFO', due: '2022-12-05' }),
      action('a-done', { id: '3', title: 'Skicka ut protokollet', errandKey: 'e-psyk', status: 'done', doneOn: '2022-03-01', due: '2022-03-01' }),
      action('a-lost', { id: '4', title: '<b>Uppdrag</b> utan ärende', errandKey: 'e-saknas', person: { name: '', lookupId: '99' } }),
    ],
  };
}

function renderView(view: BalanceListView, location: ReturnType<typeof fixedLocation> | MemoryLocation) {
  render(<TabApp host={browserHost({ locale: 'sv-SE', theme: 'light' })} client={new StaticClient(view)} location={location} pollMs={60_000} />);
}

const titles = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.errand-title')?.textContent);

describe('Uppdrag', () => {
  it('lists open actions by due date, the overdue first with its days late, and folds the done ones', async () => {
    renderView(withActions(), fixedLocation('?view=uppdrag'));
    const open = await screen.findByTestId('open-actions');
    expect(titles(open)).toEqual(['Återkom med förslag', 'Revidera avtalet', '<b>Uppdrag</b> utan ärende']);
    const late = within(open).getAllByRole('listitem')[0] as HTMLElement;
    expect(late.dataset.state).toBe('overdue');
    expect(within(late).getByText('Försenat 11 dagar')).toBeTruthy();
    expect(within(late).getByText('Fredagsgruppen · Anna Berg')).toBeTruthy();
    expect(within(open).getByText('Om 4 dagar')).toBeTruthy();
    // Hostile text stays text; a person the site no longer knows is said so, not left blank.
    expect(document.querySelector('b')).toBeNull();
    expect(within(open).getByText('okänd person (finns inte längre i organisationen)')).toBeTruthy();
    expect(within(open).getByText('Ärendet e-saknas finns inte')).toBeTruthy();
    const closed = screen.getByTestId('closed-actions');
    expect(closed.hasAttribute('open')).toBe(false);
    expect(within(closed).getByText('Klara och strukna uppdrag (1)')).toBeTruthy();
    expect(within(closed).getByText('Klart 2022-03-01')).toBeTruthy();
  });

  it('filters by group and by person, and keeps the filter in the address', async () => {
    const location = new MemoryLocation('?view=uppdrag');
    renderView(withActions(), location);
    const group = (await screen.findByLabelText('Grupp')) as HTMLSelectElement;
    expect([...group.options].map((option) => option.value)).toEqual(['', 'Fredagsgruppen', 'L-IFO']);
    fireEvent.change(group, { target: { value: 'L-IFO' } });
    expect(titles(screen.getByTestId('open-actions'))).toEqual(['Revidera avtalet']);
    expect(location.search).toBe('?view=uppdrag&owner=L-IFO');

    fireEvent.click(screen.getByRole('button', { name: 'Visa alla' }));
    fireEvent.change(screen.getByLabelText('Person'), { target: { value: 'Anna Berg' } });
    expect(titles(screen.getByTestId('open-actions'))).toEqual(['Återkom med förslag']);
    expect(location.search).toBe('?view=uppdrag&person=Anna+Berg');
  });

  it("links to the ärende in SharePoint and to the meeting under Möten, opening the past meeting's card", async () => {
    const location = new MemoryLocation('?view=uppdrag');
    renderView(withActions(), location);
    const open = await screen.findByTestId('open-actions');
    const first = within(open).getAllByRole('listitem')[0] as HTMLElement;
    expect(within(first).getByRole('link', { name: 'Öppna ärendet Handlingsplan psykisk hälsa' }).getAttribute('href')).toBe(ERRAND_URL);
    fireEvent.click(within(first).getByRole('link', { name: '2022-02-26 · SVOM (visa under Möten)' }));
    expect(location.search).toBe('?view=moten&meeting=1');
    const past = await screen.findByTestId('past-meetings');
    expect(past.hasAttribute('open')).toBe(true);
    // The past meeting shows the ärende's decision and the actions it gave.
    const card = within(past).getByRole('article', { name: /2022-02-26/ });
    expect(within(card).getByText('SVOM ställer sig bakom planen.')).toBeTruthy();
    expect(within(card).getByText('Uppdrag (3)')).toBeTruthy();
    expect(within(card).getByText('Revidera avtalet')).toBeTruthy();
  });

  it("offers a held meeting's agenda and minutes as Word, an upcoming one's agenda only, fetched with the sign-in", async () => {
    const documents = new ForumFollowUpClient(forumData({ meetings: [forumMeeting('mote-1'), forumMeeting('mote-2')] }));
    render(
      <TabApp
        host={browserHost({ locale: 'sv-SE', theme: 'light' })}
        client={new StaticClient(withActions())}
        location={fixedLocation('?view=moten&meeting=1')}
        pollMs={60_000}
        followUpClient={documents}
      />,
    );
    const held = within(await screen.findByTestId('past-meetings')).getByRole('article', { name: /2022-02-26/ });
    const upcoming = screen.getByRole('article', { name: /2023-02-16/ });
    expect(
      within(upcoming)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Dagordning (Word)', 'Spara dagordningen i SharePoint']);
    URL.createObjectURL = () => 'blob:minutes';
    URL.revokeObjectURL = () => undefined;
    // The download link the app clicks: its name and address are noted, and jsdom does not navigate.
    const downloads: Array<[string, string]> = [];
    const noteDownload = (event: MouseEvent) => {
      if (event.target instanceof HTMLAnchorElement && event.target.download !== '') {
        downloads.push([event.target.download, event.target.href]);
        event.preventDefault();
      }
    };
    document.addEventListener('click', noteDownload);
    try {
      fireEvent.click(within(held).getByRole('button', { name: 'Minnesanteckningar (Word)' }));
      await within(held).findByRole('button', { name: 'Minnesanteckningar (Word)' });
      await waitFor(() => expect(downloads).toHaveLength(1));
    } finally {
      document.removeEventListener('click', noteDownload);
    }
    expect(documents.meetingDownloads).toEqual(['mote-1/minnesanteckningar']);
    expect(downloads).toEqual([[expect.stringMatching(/^minnesanteckningar-mote-1.*\.docx$/), 'blob:minutes']]);
    // Saved in SharePoint: where it went; saved again beside a file someone changed, and who.
    fireEvent.click(within(held).getByRole('button', { name: 'Spara minnesanteckningarna i SharePoint' }));
    expect((await within(held).findByRole('status')).textContent).toBe('Sparad: Balanslistan/2022/minnesanteckningar-mote-1.docx. Öppna i Word');
    fireEvent.click(within(held).getByRole('button', { name: 'Spara minnesanteckningarna i SharePoint' }));
    await within(held).findByText(/sparades bredvid/u);
    expect(within(held).getByRole('status').textContent).toContain('Filen hade ändrats av Anna Berg sedan appen sparade den');
    expect(documents.saved).toEqual([
      { kind: 'minnesanteckningar', meeting: 'mote-1' },
      { kind: 'minnesanteckningar', meeting: 'mote-1' },
    ]);
  });

  it('says the list is missing on a site without it', async () => {
    renderView({ ...fixtureView(), actions: [] }, fixedLocation('?view=uppdrag'));
    expect(await screen.findByText('Listan Uppdrag SVOM finns inte ännu. Kör npm run provision så skapas den.')).toBeTruthy();
  });
});
