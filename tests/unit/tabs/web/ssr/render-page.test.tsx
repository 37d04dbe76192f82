/**
 * The tab's page drawn on the server by React with the browser's components: every view in
 * full (no "loading" left for the script), the list's text escaped, the address's search and
 * filters applied, language and theme, Fluent UI's styles for the head, and never a script.
 */
import { renderPage } from '../../../../../tabs/web/src/ssr/render-page';
import type { PageRequest } from '../../../../../tabs/web/src/ssr/page-data';
import { buildForumYear } from '../../../../../src/domain/forum-year';
import type { BalanceListView, FollowUpYearView } from '../../../../../src/view-model';
import { fixtureView } from '../fixture';

const NOW = new Date('2022-12-01T09:00:00Z');
const HOSTILE = '<img src=x onerror=alert(1)></script><script>alert(2)</script>"\'&';

const draw = (view: BalanceListView, search = '', acceptLanguage: string | undefined = 'sv-SE') => {
  const request: PageRequest = { view, etag: '"v1"', search, acceptLanguage, now: NOW };
  return renderPage(request);
};

/** The visible text of some markup, roughly: tags dropped, entities kept. */
const textOf = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');

describe('renderPage (server render of the tab)', () => {
  it('draws every group and entry of Balanslista with the keys the app uses, and no script', async () => {
    const view = fixtureView();
    const { html, styles, data } = await draw(view);
    const rows = (html.match(/data-entry-key=/g)?.length ?? 0) + (html.match(/data-group-key=/g)?.length ?? 0);
    expect(rows).toBe(view.entries.length);
    expect(html).toMatch(/<h1 class="tab-title">Balanslistan<\/h1>/);
    expect(html).not.toContain('<script');
    expect(textOf(html)).not.toContain('Hämtar');
    expect(styles).toMatch(/^<style[^>]*data-make-styles-bucket/);
    expect(data).toEqual({ etag: '"v1"', view, checkedAt: NOW.toISOString(), locale: 'sv-SE', theme: 'light' });
  });

  it.each([
    ['avtal', 'Samverkansavtal hemsjukvård'],
    ['moten', 'Exempel: SVOM ordinarie möte'],
    ['datakvalitet', 'sedan 1990-talet'],
  ])('draws %s in full, not a placeholder for the script', async (id, shown) => {
    const { html } = await draw(fixtureView(), `?view=${id}`);
    expect(html).toContain(shown);
    expect(textOf(html)).not.toContain('Hämtar');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('hidden id="S:');
  });

  it('draws Uppföljning for the year of the address, else the current year, and sends that year with the page', async () => {
    const view = fixtureView();
    const asked: number[] = [];
    const followUp = (year: number): FollowUpYearView => {
      asked.push(year);
      const model = buildForumYear({ sections: [], entries: [], meetings: [], errands: [], actions: [], forum: null, problems: [] }, year);
      return {
        ...model,
        source: 'local',
        today: view.today,
        demoDate: null,
        refreshedAt: NOW.toISOString(),
        stale: false,
        staleSince: null,
        lists: view.lists,
        expiringWithinDays: 180,
        yearsWithData: [],
        docxUrl: `/api/follow-up/${year}.docx`,
      };
    };
    const request: PageRequest = { view, etag: '"v1"', search: '?view=uppfoljning&year=2017', acceptLanguage: 'sv-SE', now: NOW, followUp };
    const { html, data } = await renderPage(request);
    expect(textOf(html)).toContain('Uppföljning 2017');
    expect(textOf(html)).toContain('Inga möten är registrerade för 2017.');
    expect(textOf(html)).not.toContain('Hämtar');
    expect(html).not.toContain('<script');
    expect(data.followUp?.year).toBe(2017);
    const current = await renderPage({ ...request, search: '?view=uppfoljning' });
    expect(current.data.followUp?.year).toBe(Number(view.today.slice(0, 4)));
    // Other views are drawn without the follow-up.
    expect((await renderPage({ ...request, search: '?view=avtal' })).data.followUp).toBeUndefined();
    expect(asked).toEqual([2017, Number(view.today.slice(0, 4))]);
  });

  it('escapes a hostile title and notes as text, in every view', async () => {
    const view = fixtureView();
    view.entries[1] = { ...view.entries[1]!, title: HOSTILE, notes: HOSTILE };
    view.agreements[0] = { ...view.agreements[0]!, title: HOSTILE, notes: HOSTILE };
    for (const search of ['', '?view=avtal']) {
      const { html } = await draw(view, search);
      expect(html).not.toMatch(/<img|<script|onerror=alert\(1\)>/);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    }
    const { html } = await draw(view, `?q=${encodeURIComponent('"><script>')}`);
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;"');
  });

  it('applies the search of the address, as the app does', async () => {
    const view = fixtureView();
    const { html } = await draw(view, '?q=v%C3%A4ltel');
    expect(html).toContain('Vältel 2.0');
    expect(html).toContain('value="vältel"');
    expect(html).toContain(`Visar 1 av ${view.entries.length}`);
    expect(html).not.toContain('Handlingsplan psykisk hälsa');
  });

  it('speaks English for an English browser or ?lang=en, and keeps a known theme', async () => {
    const english = await draw(fixtureView(), '', 'en-GB');
    expect(english.html).toMatch(/<h1 class="tab-title">Balance list<\/h1>/);
    expect(english.language).toBe('en');
    expect((await draw(fixtureView(), '')).language).toBe('sv');
    const dark = await draw(fixtureView(), '?lang=en&theme=dark');
    expect(dark.html).toMatch(/data-theme="dark"/);
    expect(dark.data).toMatchObject({ locale: 'en', theme: 'dark' });
    expect(dark.language).toBe('en');
    expect((await draw(fixtureView(), '?theme=<x>')).data.theme).toBe('light');
  });

  it("draws in the theme it is given (Teams' own, in SharePoint mode) whatever the address says", async () => {
    const drawn = await renderPage({ view: fixtureView(), etag: '"v1"', search: '?theme=light', acceptLanguage: 'sv-SE', theme: 'contrast', now: NOW });
    expect(drawn.html).toMatch(/data-theme="contrast"/);
    expect(drawn.data.theme).toBe('contrast');
  });
});
