/**
 * @jest-environment jsdom
 */
/**
 * Uppföljning in jsdom: the 2017 golden dataset, mapped and built as the server does, answered by
 * a fake follow-up client. The year comes from the address (the current year by default), the
 * meetings are grouped by kind with dates as given, every section and entry is listed with its
 * ärenden, entries without one carry a written marker and are counted, the Word file is saved
 * under its name, and bad years, failures and hostile text are handled.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { FollowUpError } from '../../../../tabs/web/src/api/follow-up-client';
import { TabApp } from '../../../../tabs/web/src/components/tab-app';
import { browserHost } from '../../../../tabs/web/src/teams/host';
import type { ForumData } from '../../../../src/domain/errands';
import type { BalanceListView } from '../../../../src/view-model';
import { installMatchMedia, MemoryLocation, recordDownloads, StaticClient } from './doubles';
import { fixtureView } from './fixture';
import { errand, forum2017, ForumFollowUpClient } from './forum-fixture';

beforeAll(installMatchMedia);

async function renderFollowUp(options: { search?: string; data?: ForumData; view?: BalanceListView; locale?: string } = {}) {
  const followUp = new ForumFollowUpClient(options.data ?? forum2017());
  const location = new MemoryLocation(options.search ?? '?view=uppfoljning&year=2017');
  render(
    <TabApp
      host={browserHost({ locale: options.locale ?? 'sv-SE', theme: 'light' })}
      client={new StaticClient(options.view ?? fixtureView())}
      location={location}
      pollMs={60_000}
      followUpClient={followUp}
    />,
  );
  await screen.findByTestId('refreshed');
  return { followUp, location };
}

const rowOf = (key: string): HTMLElement => {
  const row = document.querySelector<HTMLElement>(`[data-entry-key="${key}"]`);
  if (!row) throw new Error(`no row ${key}`);
  return row;
};

describe('Uppföljning', () => {
  it('shows the year from the address: meetings by kind with dates as the document gives them', async () => {
    const { followUp } = await renderFollowUp();
    expect(await screen.findByRole('heading', { level: 3, name: 'Uppföljning 2017' })).toBeTruthy();
    expect(followUp.loads).toEqual([2017]);
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Uppföljning');

    const kinds = [...document.querySelectorAll('[data-meeting-kind] h4')].map((heading) => heading.textContent);
    expect(kinds).toEqual(['Ordinarie möten (3)', 'Gemensamma möten med Västernorrland (1)', 'Extra möten (1)', 'Andra evenemang (1)']);
    const ordinary = document.querySelector('[data-meeting-kind="ordinary"]') as HTMLElement;
    expect(within(ordinary).getAllByText('2017 (datum okänt)')).toHaveLength(3);
    const extra = document.querySelector('[data-meeting-kind="extra"]') as HTMLElement;
    expect(extra.querySelector('li')?.textContent).toBe('april 2017 · Extra SVOM-möte – Ärende gällande TNE-avtalet');
    const event = document.querySelector('[data-meeting-kind="event"]') as HTMLElement;
    expect(event.querySelector('li')?.textContent).toContain('2017-06-02 · Strategi för hälsa');
  });

  it('lists every section and entry with its ärenden, and marks and counts those without one', async () => {
    await renderFollowUp();
    const summary = await screen.findByTestId('follow-up-summary');
    // Kompetensförsörjning, Välfärdsteknologi, Vård på rätt nivå and Kunskapsstyrning had none of the 14.
    expect(within(summary).getByText('4 av 7 områden saknar ärende 2017')).toBeTruthy();
    expect(within(summary).getByText('14 ärenden under 2017.')).toBeTruthy();

    const sections = [...document.querySelectorAll('.fu-section h4')].map((heading) => heading.textContent);
    expect(sections).toEqual(['SVOM strategiska områden', 'Områden från Gemensam hälso- och sjukvårdspolitik', 'Övriga områden', 'Avtal och överenskommelser']);
    expect(screen.getByText('Inga punkter är registrerade under det här avsnittet.')).toBeTruthy();

    const marked = [...document.querySelectorAll('[data-without-errand="true"]')].map((row) => row.getAttribute('data-entry-key'));
    expect(marked).toEqual(['strat-1', 'strat-2', 'strat-3', 'ovr-1']);
    // The marker is words, not colour alone.
    expect(within(rowOf('strat-1')).getByText('Inget ärende 2017')).toBeTruthy();
    expect(within(rowOf('hsv-1')).queryByText('Inget ärende 2017')).toBeNull();

    const psychic = rowOf('hsv-1');
    expect(within(psychic).getByText('6 ärenden')).toBeTruthy();
    const titles = within(psychic)
      .getAllByRole('listitem')
      .map((item) => item.querySelector('.errand-title')?.textContent);
    expect(titles[0]).toMatch(/^Överenskommelse om samarbete mellan kommunerna i Jämtlands län/);
    expect(titles).toHaveLength(6);
    // The 2017 document names no meeting per ärende: none is guessed.
    expect(psychic.querySelectorAll('.errand .errand-context')).toHaveLength(0);

    const unplaced = screen.getByRole('heading', { level: 3, name: 'Ärenden utan koppling till balanslistan' }).closest('section') as HTMLElement;
    expect(within(unplaced).getByText('TNE-avtalet')).toBeTruthy();
    expect(within(unplaced).getByText('april 2017 · Extra SVOM-möte')).toBeTruthy();
  });

  it('defaults to the current year and offers the years with meetings or ärenden', async () => {
    const view = fixtureView({ errands: [errand('1', { year: 2019, title: 'Ett ärende 2019' })] });
    const { followUp, location } = await renderFollowUp({ search: '?view=uppfoljning', view });
    expect(await screen.findByRole('heading', { level: 3, name: 'Uppföljning 2022' })).toBeTruthy();
    expect(followUp.loads).toEqual([2022]);
    // 2022 and 2023 have meetings, 2019 an ärende; 2022 is also the current year.
    const year = screen.getByLabelText('År') as HTMLSelectElement;
    expect([...year.options].map((option) => option.value)).toEqual(['2023', '2022', '2019']);
    expect(screen.getByText('Inga ärenden är registrerade för 2022.')).toBeTruthy();

    fireEvent.change(year, { target: { value: '2019' } });
    expect(await screen.findByRole('heading', { level: 3, name: 'Uppföljning 2019' })).toBeTruthy();
    expect(followUp.loads).toEqual([2022, 2019]);
    expect(location.history.at(-1)).toBe('push ?view=uppfoljning&year=2019');
  });

  it('says when a year has no meetings', async () => {
    await renderFollowUp({ search: '?view=uppfoljning&year=2030' });
    expect(await screen.findByText('Inga möten är registrerade för 2030.')).toBeTruthy();
    expect(screen.getByText('Inga ärenden är registrerade för 2030.')).toBeTruthy();
  });

  it('ignores a year in the address that the API does not answer for', async () => {
    const { followUp } = await renderFollowUp({ search: '?view=uppfoljning&year=1999' });
    expect(await screen.findByRole('heading', { level: 3, name: 'Uppföljning 2022' })).toBeTruthy();
    expect(followUp.loads).toEqual([2022]);
  });

  it('shows the API’s refusal of a year in words', async () => {
    const refusing = new ForumFollowUpClient(forum2017());
    refusing.load = async (year) => {
      refusing.loads.push(year);
      throw new FollowUpError('invalid-year', 400, 'Year must be 2000–2100');
    };
    render(
      <TabApp
        host={browserHost({ locale: 'sv-SE', theme: 'light' })}
        client={new StaticClient(fixtureView())}
        location={new MemoryLocation('?view=uppfoljning&year=2017')}
        pollMs={60_000}
        followUpClient={refusing}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toBe('Året måste vara ett årtal mellan 2000 och 2100.');
    expect(refusing.loads).toEqual([2017]);
  });

  it('downloads the Word file under its name, and says so when it cannot', async () => {
    const downloads = recordDownloads();
    try {
      const { followUp } = await renderFollowUp();
      await screen.findByRole('heading', { level: 3, name: 'Uppföljning 2017' });
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Ladda ner som Word' }));
      });
      expect(followUp.downloads).toEqual([2017]);
      expect(downloads.saved).toEqual([{ name: 'uppfoljning-svom-2017.docx', href: 'blob:follow-up' }]);
      expect(downloads.blobs[0]?.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

      followUp.failDownload = true;
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Ladda ner som Word' }));
      });
      expect(screen.getByRole('alert').textContent).toBe('Word-filen kunde inte hämtas. Försök igen om en stund.');
    } finally {
      downloads.restore();
    }
  });

  it('fetches the Word file once when a link asks for it (download=docx), then drops it from the address', async () => {
    const downloads = recordDownloads();
    try {
      const { followUp, location } = await renderFollowUp({ search: '?view=uppfoljning&year=2017&download=docx' });
      await screen.findByRole('heading', { level: 3, name: 'Uppföljning 2017' });
      await act(async () => undefined);
      expect(followUp.downloads).toEqual([2017]);
      expect(downloads.saved.map((save) => save.name)).toEqual(['uppfoljning-svom-2017.docx']);
      expect(location.search).not.toContain('download');
    } finally {
      downloads.restore();
    }
  });

  it('speaks English', async () => {
    await renderFollowUp({ locale: 'en-GB' });
    expect(await screen.findByRole('heading', { level: 3, name: 'Follow-up 2017' })).toBeTruthy();
    expect(screen.getByText('4 of 7 areas have no item in 2017')).toBeTruthy();
    expect(screen.getAllByText('2017 (date unknown)')).toHaveLength(4);
    expect(screen.getByText(/^April 2017$/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 4, name: 'Other events (1)' })).toBeTruthy();
    expect(within(rowOf('strat-1')).getByText('No item in 2017')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download as Word' })).toBeTruthy();
  });

  it('keeps hostile text from the lists inert', async () => {
    const data = forum2017();
    const payload = '<img src=x onerror="window.hacked=1">\u202Egnp.exe';
    data.errands = [
      ...data.errands,
      { ...data.errands[0]!, id: '99', key: 'x', title: payload, decision: '<script>window.hacked=1</script>', documentLink: 'javascript:alert(1)' },
    ];
    data.meetings = data.meetings.map((meeting) => (meeting.kind === 'extra' ? { ...meeting, subject: payload } : meeting));
    await renderFollowUp({ data });
    await screen.findByRole('heading', { level: 3, name: 'Uppföljning 2017' });
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('#view-panel script')).toBeNull();
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
    const title = screen.getByText(payload, { selector: '.errand-title' });
    expect(title.tagName).toBe('BDI');
    // A link that is not http(s) stays text.
    expect(screen.getByText('javascript:alert(1)').closest('a')).toBeNull();
    expect(screen.getByText(payload, { selector: '[data-meeting-kind="extra"] bdi' })).toBeTruthy();
  });
});
