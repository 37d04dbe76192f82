/**
 * @jest-environment jsdom
 */
/**
 * The tab's components in jsdom with Testing Library: grouping, search and filters written to
 * the address, status by text, Swedish and English, the stale banner, edit links (SharePoint in
 * and outside Teams, the local file), and the consent button. The API and host are fakes.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError, type BalanceListClient, type LoadResult } from '../../../../tabs/web/src/api/client';
import { TabApp } from '../../../../tabs/web/src/components/tab-app';
import { browserHost, type Host } from '../../../../tabs/web/src/teams/host';
import type { BalanceListView } from '../../../../src/view-model';
import { installMatchMedia, MemoryLocation } from './doubles';
import { fixtureView } from './fixture';

beforeAll(installMatchMedia);

class FakeClient implements BalanceListClient {
  calls = 0;
  constructor(public results: Array<LoadResult | ApiError>) {}
  async load(): Promise<LoadResult> {
    this.calls += 1;
    const next = this.results.length > 1 ? this.results.shift() : this.results[0];
    if (next instanceof ApiError) throw next;
    if (!next) throw new ApiError('network', 0, 'no result');
    return next;
  }
}

const ok = (view: BalanceListView = fixtureView()): LoadResult => ({ changed: true, view, etag: '"v1"' });

async function renderTab(options: { client?: FakeClient; host?: Host; search?: string } = {}) {
  const client = options.client ?? new FakeClient([ok()]);
  const location = new MemoryLocation(options.search ?? '');
  const host = options.host ?? browserHost({ locale: 'sv-SE', theme: 'light' });
  render(<TabApp host={host} client={client} location={location} pollMs={60_000} />);
  await screen.findByTestId('refreshed').catch(() => undefined);
  return { client, location, host };
}

describe('Balanslista', () => {
  it('groups entries under their areas with status shown as text', async () => {
    await renderTab();
    expect(screen.getByRole('heading', { level: 1, name: 'Balanslistan' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'SVOM:s prioriterade områden 2019-2022' })).toBeTruthy();
    const group = screen.getByRole('button', { name: /Välfärdsteknologi/ });
    expect(group.getAttribute('aria-expanded')).toBe('true');
    const body = document.getElementById(group.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(within(body).getByText('Vältel 2.0')).toBeTruthy();
    expect(within(body).getByText('Pågår')).toBeTruthy();
    expect(within(body).getByText('Bevakas')).toBeTruthy();
    expect(within(body).getByText('2023-02-16')).toBeTruthy();
    expect(screen.getByText('Visar 7 av 7')).toBeTruthy();
  });

  it('collapses a group', async () => {
    await renderTab();
    const group = screen.getByRole('button', { name: /Psykisk hälsa/ });
    fireEvent.click(group);
    expect(group.getAttribute('aria-expanded')).toBe('false');
    expect((document.getElementById(group.getAttribute('aria-controls') ?? '') as HTMLElement).hidden).toBe(true);
  });

  it('filters by search text and writes it to the address', async () => {
    const { location } = await renderTab();
    fireEvent.change(screen.getByLabelText('Sök'), { target: { value: 'vältel' } });
    expect(screen.getByText('Visar 1 av 7')).toBeTruthy();
    expect(screen.queryByText('Handlingsplan psykisk hälsa')).toBeNull();
    expect(location.search).toBe('?view=balanslista&q=v%C3%A4ltel');
    expect(location.history.at(-1)?.startsWith('replace')).toBe(true);
  });

  it('reads filters from the address, so a shared link opens filtered', async () => {
    await renderTab({ search: '?group=L-IFO' });
    expect((screen.getByLabelText('Beredande forum') as HTMLSelectElement).value).toBe('L-IFO');
    expect(screen.getByText('Visar 1 av 7')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Rensa filter' }));
    expect(screen.getByText('Visar 7 av 7')).toBeTruthy();
  });

  it('opens the state a deep link from a card asks for (Teams sub-page id), once', async () => {
    const host: Host = { ...browserHost({ locale: 'sv-SE', theme: 'light' }), inTeams: true, deepLink: 'view=avtal&sort=name' };
    const { location } = await renderTab({ host });
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Avtal');
    expect(location.search).toContain('view=avtal');
    fireEvent.click(screen.getByRole('tab', { name: 'Möten' }));
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Möten');
    // The view's code loads on demand; the test waits for it, so it is not left loading past the test.
    await waitFor(() => expect(screen.queryByTestId('view-loading')).toBeNull());
    expect(location.search).toContain('view=moten');
  });

  it('links each entry to SharePoint, opened outside Teams when in Teams', async () => {
    const opened: string[] = [];
    const host: Host = { ...browserHost({ locale: 'sv-SE', theme: 'light' }), inTeams: true, openExternal: async (url) => (opened.push(url), true) };
    await renderTab({ host });
    const link = screen.getByRole('link', { name: 'Redigera i SharePoint: Vältel 2.0 (öppnas utanför Teams)' });
    expect(link.getAttribute('href')).toBe('https://contoso.sharepoint.com/sites/svom/Lists/Balanslista/DispForm.aspx?ID=2');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    fireEvent.click(link);
    expect(opened).toEqual(['https://contoso.sharepoint.com/sites/svom/Lists/Balanslista/DispForm.aspx?ID=2']);
  });

  it('says honestly that local items live in a file, and never links a non-web address', async () => {
    const view = fixtureView({
      source: 'local',
      lists: { balance: 'file:///srv/app/.data/lists.json#balance', meetings: 'file:///srv/app/.data/lists.json#meetings' },
    });
    view.entries = view.entries.map((item) => ({ ...item, editUrl: `file:///srv/app/.data/lists.json#balance/${item.id}` }));
    view.entries[0] = { ...view.entries[0]!, editUrl: 'javascript:alert(1)' };
    await renderTab({ client: new FakeClient([ok(view)]) });
    expect(screen.queryAllByRole('link', { name: /Redigera i SharePoint/ })).toHaveLength(0);
    // One notice says where the file is; item numbers appear on the rows only when asked for.
    expect(screen.queryByText(/^Post \d+/)).toBeNull();
    expect(screen.getByText(/listan i filen \/srv\/app\/\.data\/lists\.json/)).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Visa numren i filen' }));
    expect(screen.getAllByText('Post 2').length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: 'Dölj numren' })).toBeTruthy();
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('renders markup in titles as text', async () => {
    const view = fixtureView();
    view.entries[1] = { ...view.entries[1]!, title: '<img src=x onerror=alert(1)>Vältel' };
    await renderTab({ client: new FakeClient([ok(view)]) });
    expect(screen.getByText('<img src=x onerror=alert(1)>Vältel')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('Balanslista counts, groups and filter choices', () => {
  it('counts the entries under a heading, not the heading itself', async () => {
    await renderTab();
    expect(screen.getByRole('button', { name: /Välfärdsteknologi/ }).textContent).toContain('2 poster');
    fireEvent.change(screen.getByLabelText('Sök'), { target: { value: 'vältel' } });
    expect(screen.getByRole('button', { name: /Välfärdsteknologi/ }).textContent).toContain('1 post');
  });

  it('draws a heading with nothing under it as text, not as a group to fold', async () => {
    await renderTab();
    expect(screen.queryByRole('button', { name: /Upphandling/ })).toBeNull();
    const text = screen.getByText('Upphandling');
    expect(text.closest('[data-entry-key]')?.getAttribute('data-entry-key')).toBe('flera-1');
    expect(text.closest('[data-group-key]')).toBeNull();
  });

  it('offers only the areas, statuses and forums some entry has, with their counts', async () => {
    await renderTab();
    const options = (label: string) =>
      [...(screen.getByRole('combobox', { name: label }) as HTMLSelectElement).options].map((option) => option.textContent?.replace(/[\u2068\u2069]/g, ''));
    expect(options('Område')).toEqual(['Alla områden', 'Välfärdsteknologi (2)', 'Psykisk hälsa (1)']);
    expect(options('Status')).toEqual(['Alla statusar', 'Pågår (1)', 'Bevakas (1)', 'Ingen status (5)']);
    expect(options('Beredande forum')).toEqual(['Alla forum', 'Fredagsgruppen (1)', 'L-IFO (1)']);
  });

  it('isolates list text, so a right-to-left name cannot pull the count or punctuation beside it', async () => {
    const view = fixtureView();
    view.entries[1] = { ...view.entries[1]!, title: 'שלום (עולם)', preparingGroups: ['קבוצה', 'Fredagsgruppen'] };
    await renderTab({ client: new FakeClient([ok(view)]) });
    expect(screen.getByText('שלום (עולם)').tagName).toBe('BDI');
    expect(screen.getByText('קבוצה').tagName).toBe('BDI');
    const option = [...(screen.getByRole('combobox', { name: 'Beredande forum' }) as HTMLSelectElement).options].find((item) => item.value === 'קבוצה');
    expect(option?.textContent).toBe('\u2068קבוצה\u2069 (1)');
  });

  it('declares the language on the app, so the browser can hyphenate long words', async () => {
    await renderTab();
    expect(document.querySelector('.app-root')?.getAttribute('lang')).toBe('sv');
    expect(document.documentElement.lang).toBe('sv');
  });
});

describe('Avtal', () => {
  it('shows each agreement’s derived status as text and sorts by a column', async () => {
    const { location } = await renderTab({ search: '?view=avtal' });
    const table = await screen.findByRole('table', { name: 'Överenskommelser och avtal' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByText(/Gäller|Löper snart ut|Har gått ut|Okänt slutdatum/).textContent)).toEqual([
      'Har gått ut',
      'Löper snart ut',
      'Gäller',
      'Okänt slutdatum',
    ]);
    expect(within(rows[1]!).getByText('om 30 dagar')).toBeTruthy();
    expect(within(rows[0]!).getByText('för 245 dagar sedan')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sortera efter Namn' }));
    expect(location.search).toContain('sort=name');
    expect(screen.getByRole('figure', { name: 'Tidslinje över giltighetstider' })).toBeTruthy();
    expect(screen.getByText('I dag 2022-12-01')).toBeTruthy();
  });

  it('filters agreements by derived status', async () => {
    await renderTab({ search: '?view=avtal&state=expiring' });
    expect(await screen.findByText('Visar 1 av 4')).toBeTruthy();
    // The table (wide screens) and the cards (narrow ones) both carry it.
    expect(screen.getByText('Samverkansavtal hemsjukvård', { selector: '[data-name]' })).toBeTruthy();
    expect(document.querySelectorAll('[data-agreement-card]')).toHaveLength(1);
  });
});

describe('Avtal table and timeline', () => {
  const withNotes = () => {
    const view = fixtureView();
    view.agreements[0] = { ...view.agreements[0]!, notes: 'Följs upp i SVOM.\nEv. behov av rev?' };
    return view;
  };

  it('keeps notes in a row of their own, opened from the agreement', async () => {
    await renderTab({ search: '?view=avtal', client: new FakeClient([ok(withNotes())]) });
    const toggle = await screen.findByRole('button', { name: 'Visa noteringar om Avtal om in- och utskrivning' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const row = document.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(row.tagName).toBe('TR');
    expect(row.hidden).toBe(true);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(row.hidden).toBe(false);
    expect(row.textContent).toContain('Följs upp i SVOM.');
    // An agreement without notes has nothing to open.
    expect(screen.queryByRole('button', { name: /noteringar om Tandvårdsavtal/ })).toBeNull();
    // One row per agreement carries data-agreement; the notes row is not counted as one.
    expect(document.querySelectorAll('tr[data-agreement]')).toHaveLength(4);
  });

  it('offers only the states and forums the agreements have, with counts', async () => {
    const view = fixtureView();
    view.agreements = view.agreements.filter((item) => item.status !== 'expiring');
    await renderTab({ search: '?view=avtal', client: new FakeClient([ok(view)]) });
    const select = (await screen.findByRole('combobox', { name: 'Giltighet' })) as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent?.replace(/[\u2068\u2069]/g, ''))).toEqual([
      'Alla',
      'Har gått ut (1)',
      'Gäller (1)',
      'Okänt slutdatum (1)',
    ]);
  });

  it('writes each agreement whole in the timeline, with its status and end, and draws a period without a start as a bar', async () => {
    await renderTab({ search: '?view=avtal' });
    const figure = await screen.findByRole('figure', { name: 'Tidslinje över giltighetstider' });
    const rows = [...figure.querySelectorAll('li[data-agreement]')] as HTMLElement[];
    expect(rows.map((row) => row.querySelector('p')?.textContent)).toEqual([
      'Avtal om in- och utskrivning · Har gått ut · t.o.m. 2022-03-31 · startdatum okänt',
      'Samverkansavtal hemsjukvård · Löper snart ut · t.o.m. 2022-12-31 · startdatum okänt',
      'Länsöverenskommelse riskbruk · Gäller · t.o.m. 2023-12-31',
      'Tandvårdsavtal · Okänt slutdatum · Giltighetstid okänd',
    ]);
    const bar = (index: number) => rows[index]!.querySelector('[data-bar]') as HTMLElement | null;
    // Only an end date: the bar runs from the axis' start (2021-01-01) to the end of 2022-03-31.
    expect(bar(0)?.style.left).toBe('0%');
    expect(Number.parseFloat(bar(0)?.style.width ?? '0')).toBeCloseTo((455 / 1095) * 100, 1);
    expect(bar(0)?.style.background).toContain('linear-gradient');
    expect(bar(3)).toBeNull();
  });
});

describe('Möten follow-ups', () => {
  it('does not repeat under every meeting that nothing is followed up there', async () => {
    await renderTab({ search: '?view=moten' });
    await screen.findByRole('article', { name: /2023-02-16/ });
    expect(screen.queryByText(/Inga poster har/)).toBeNull();
    expect(screen.getAllByText('Följs upp på mötet')).toHaveLength(1);
  });

  it('says once when no upcoming meeting has follow-ups', async () => {
    const view = fixtureView();
    view.entries = view.entries.map((item) => ({ ...item, nextFollowUp: null }));
    view.meetings = [...view.meetings, { ...view.meetings[1]!, id: '3', date: '2023-03-16' }];
    await renderTab({ search: '?view=moten', client: new FakeClient([ok(view)]) });
    await screen.findByRole('article', { name: /2023-03-16/ });
    expect(screen.getAllByText('Inga poster har något av de kommande mötena som nästa uppföljning.')).toHaveLength(1);
    expect(screen.queryByText('Följs upp på mötet')).toBeNull();
  });
});

describe('Möten and Datakvalitet', () => {
  it('lists upcoming meetings with the entries followed up there, past ones folded', async () => {
    await renderTab({ search: '?view=moten' });
    const upcoming = await screen.findByRole('article', { name: /2023-02-16/ });
    expect(within(upcoming).getByText('E-hälsocentrums verksamhet')).toBeTruthy();
    expect(within(upcoming).getByText('2023-02-02 (63 dagar kvar)')).toBeTruthy();
    expect(screen.getByText('Tidigare möten (1)').closest('details')?.open).toBe(false);
  });

  it('keeps meetings beyond MEETING_WITHIN_DAYS folded under "Senare möten", and says the horizon', async () => {
    await renderTab({ search: '?view=moten', client: new FakeClient([ok(fixtureView({ meetingWithinDays: 60 }))]) });
    expect(await screen.findByText('Möten de kommande 60 dagarna.')).toBeTruthy();
    expect(screen.getByText('Inga kommande möten är inlagda.')).toBeTruthy();
    const later = screen.getByText('Senare möten (1)').closest('details');
    expect(later?.open).toBe(false);
    expect(within(later as HTMLElement).getByRole('article', { name: /2023-02-16/ })).toBeTruthy();
  });

  it('explains each data-quality problem in words', async () => {
    await renderTab({ search: '?view=datakvalitet' });
    expect(await screen.findByText('Giltighetstiden går inte att tolka')).toBeTruthy();
    expect(screen.getByText('sedan 1990-talet')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Datakvalitet (1)' })).toBeTruthy();
    expect(screen.getByText(/Rätta dem i SharePoint/)).toBeTruthy();
  });

  it('sends the secretariat to the local file, not SharePoint, in local mode', async () => {
    await renderTab({ search: '?view=datakvalitet', client: new FakeClient([ok(fixtureView({ source: 'local' }))]) });
    expect(await screen.findByText(/Rätta dem i den lokala filen/)).toBeTruthy();
    expect(screen.queryByText(/Rätta dem i SharePoint/)).toBeNull();
  });
});

describe('filters from a shared link', () => {
  it('shows a forum the list does not offer as chosen, not as "Alla forum", and lets it be cleared', async () => {
    const { location } = await renderTab({ search: '?view=balanslista&group=Nedlagd%20grupp' });
    const select = screen.getByRole('combobox', { name: 'Beredande forum' }) as HTMLSelectElement;
    expect(select.value).toBe('Nedlagd grupp');
    expect(select.selectedOptions[0]?.textContent).toBe('Nedlagd grupp');
    expect(screen.getByText('Visar 0 av 7')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Rensa filter' })));
    expect(location.search).not.toContain('group=');
    expect(screen.getByText('Visar 7 av 7')).toBeTruthy();
  });
});

describe('state of the data', () => {
  it('says in the header when the server runs on the demo clock', async () => {
    await renderTab({ search: '?view=moten', client: new FakeClient([ok(fixtureView({ demoDate: '2022-12-01' }))]) });
    expect((await screen.findByTestId('demo-clock')).textContent).toBe('Demoläge: appen visar läget per 2022-12-01');
  });

  it('has no demo notice on the real clock', async () => {
    await renderTab();
    expect(screen.queryByTestId('demo-clock')).toBeNull();
  });

  it('warns when the server says the data is stale, and since when', async () => {
    await renderTab({ client: new FakeClient([ok(fixtureView({ stale: true, staleSince: '2022-12-01T08:15:00Z' }))]) });
    expect(screen.getByText('Uppgifterna kan vara inaktuella')).toBeTruthy();
    expect(screen.getByText(/sedan 2022-12-01 09:15/)).toBeTruthy();
  });

  it("announces a new version of the list to screen readers, but not every poll's check time", async () => {
    await renderTab();
    const live = within(screen.getByTestId('refreshed')).getByRole('status');
    expect(live.textContent).toBe('Senast uppdaterad 2022-12-01 10:00');
    expect(screen.getByTestId('refreshed').textContent).toMatch(/^Senast uppdaterad 2022-12-01 10:00, kontrollerad \d{2}:\d{2}$/);
  });

  it('keeps the list on a 304 and updates when the list changes', async () => {
    const client = new FakeClient([ok(), { changed: false }, ok(fixtureView({ entries: [] }))]);
    await renderTab({ client });
    expect(screen.getByText('Visar 7 av 7')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Uppdatera nu' })));
    expect(screen.getByText('Visar 7 av 7')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Uppdatera nu' })));
    expect(screen.getByText('Visar 0 av 0')).toBeTruthy();
    expect(client.calls).toBe(3);
  });

  it('offers consent through the Teams popup when the API asks for it, then retries', async () => {
    const popups: string[] = [];
    const host: Host = { ...browserHost({ locale: 'sv-SE', theme: 'light' }), inTeams: true, authenticate: async (url) => void popups.push(url) };
    const client = new FakeClient([new ApiError('consent-required', 403, 'consent'), ok()]);
    await renderTab({ client, host });
    expect(screen.getByText('Appen behöver ditt godkännande')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Godkänn och fortsätt' })));
    expect(popups).toEqual([`${window.location.origin}/auth/start`]);
    expect(await screen.findByText('Visar 7 av 7')).toBeTruthy();
  });

  it('tells a user without access why nothing is shown, and lets them try again once granted', async () => {
    const client = new FakeClient([new ApiError('access-denied', 403, 'denied'), ok()]);
    await renderTab({ client });
    expect(screen.getByText('Du har inte behörighet till listan')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Försök igen' })));
    expect(await screen.findByText('Visar 7 av 7')).toBeTruthy();
  });

  it("says in Swedish that the server cannot be reached, never the browser's own error text", async () => {
    await renderTab({ client: new FakeClient([new ApiError('network', 0, 'Failed to fetch')]) });
    expect(screen.getByText('Balanslistan kunde inte hämtas')).toBeTruthy();
    expect(screen.getByText(/Det går inte att nå servern\. Kontrollera nätverksanslutningen\./)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Failed to fetch/);
    expect(screen.getByRole('button', { name: 'Försök igen' })).toBeTruthy();
  });

  it("words a 503 from the API in the page language, without repeating the server's Swedish message", async () => {
    const unavailable = new ApiError('source-unavailable', 503, 'Balanslistan kan inte läsas just nu. Försök igen om en stund.');
    await renderTab({ client: new FakeClient([unavailable]), host: browserHost({ locale: 'en-GB', theme: 'light' }) });
    expect(screen.getByText('The balance list could not be loaded')).toBeTruthy();
    expect(screen.getByText(/The list cannot be read right now\./)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Balanslistan kan inte läsas/);
  });

  it('says when the sign-in or the access check cannot be done now, instead of a bare HTTP code', async () => {
    await renderTab({ client: new FakeClient([new ApiError('sign-in-unavailable', 503, 'Behörigheten kan inte kontrolleras just nu.')]) });
    expect(screen.getByText(/Inloggningen eller din behörighet till listan kan inte kontrolleras just nu\./)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/HTTP 503/);
  });

  it('keeps the last list on screen when a poll fails, and says how old it is', async () => {
    const client = new FakeClient([ok(), new ApiError('server', 500, 'HTTP 500')]);
    await renderTab({ client });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Uppdatera nu' })));
    expect(
      screen.getByText(/Servern svarade med ett fel \(HTTP 500\)\. Du ser listan som den var vid senaste lyckade hämtningen, \d{4}-\d{2}-\d{2} \d{2}:\d{2}\./),
    ).toBeTruthy();
    expect(screen.getByText('Visar 7 av 7')).toBeTruthy();
  });
});

describe('English', () => {
  it('uses English when the locale is English', async () => {
    await renderTab({ host: browserHost({ locale: 'en-GB', theme: 'dark' }), search: '?view=avtal' });
    expect(screen.getByRole('heading', { level: 1, name: 'Balance list' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Agreements' }).getAttribute('aria-selected')).toBe('true');
    expect((await screen.findAllByText('Expiring soon', { selector: '[data-state]' })).length).toBeGreaterThan(0);
    // Days left is one phrase, with the number kept in <data value> for sorting.
    const days = screen.getAllByText('in 30 days');
    expect(days.every((element) => element.tagName === 'DATA' && element.getAttribute('value') === '30')).toBe(true);
    expect(document.documentElement.lang).toBe('en');
  });
});
