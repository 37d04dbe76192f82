/** The server-made first view: escaping, filters from the address, language and theme. */
import { escapeHtml, jsonForHtml, renderFirstView } from '../../../../tabs/api/first-view';
import type { BalanceListView } from '../../../../src/view-model';
import { fixtureView } from '../web/fixture';

const NOW = new Date('2022-12-01T09:00:00Z');
const HOSTILE = '<img src=x onerror=alert(1)></script><script>alert(2)</script>"\'&';

function localView(change?: (view: BalanceListView) => void): BalanceListView {
  const view = fixtureView();
  view.source = 'local';
  view.lists = { balance: 'file:///srv/app/.data/lists.json#balance', meetings: 'file:///srv/app/.data/lists.json#meetings' };
  view.entries = view.entries.map((item) => ({ ...item, editUrl: `file:///srv/app/.data/lists.json#balance/${item.id}` }));
  change?.(view);
  return view;
}

const render = (view: BalanceListView | null, search = '', acceptLanguage = 'sv-SE') => renderFirstView({ view, search, acceptLanguage, now: NOW });

describe('renderFirstView', () => {
  it('draws every group and entry of the list with the keys the app uses', () => {
    const view = localView();
    const html = render(view);
    const rows = (html.match(/data-entry-key=/g)?.length ?? 0) + (html.match(/data-group-key=/g)?.length ?? 0);
    expect(rows).toBe(view.entries.length);
    expect(html).toContain('<h1 class="tab-title">Balanslistan</h1>');
    expect(html).toContain(`Visar ${view.entries.length} av ${view.entries.length}`);
    expect(html).toContain('aria-current="page"');
    // Item numbers stay out of the rows unless asked for.
    expect(html).not.toMatch(/>Post \d+<\/span><\/span>/);
    expect(render(view, '?ids=1')).toContain('<span class="local-item">Post ');
  });

  it('escapes a hostile title and notes as text', () => {
    const view = localView((next) => {
      next.entries[1] = { ...next.entries[1]!, title: HOSTILE, notes: HOSTILE };
    });
    const html = render(view);
    expect(html).not.toMatch(/<img|<script|onerror=alert\(1\)>/);
    expect(render(view, `?q=${encodeURIComponent('"><script>')}`)).toContain('value="&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;&quot;&#39;&amp;');
    expect(escapeHtml('<a href="x">')).toBe('&lt;a href=&quot;x&quot;&gt;');
  });

  it('makes a JSON data block that no text can end', () => {
    const json = jsonForHtml({ title: HOSTILE, line: '\u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ title: HOSTILE, line: '\u2028' });
  });

  it('applies the search and filters of the address, as the app does', () => {
    const view = localView();
    const html = render(view, '?q=v%C3%A4ltel');
    expect(html).toContain('Vältel 2.0');
    expect(html).toContain('value="vältel"');
    expect(html).toContain(`Visar 1 av ${view.entries.length}`);
    expect(html.match(/data-group-key=/g)).toHaveLength(1);
  });

  it('shows a forum from the address that the list does not offer as chosen, as the app does', () => {
    const html = render(localView(), '?group=Nedlagd%20grupp&area=borttagen');
    expect(html).toContain('<option value="Nedlagd grupp" selected>Nedlagd grupp</option>');
    expect(html).toContain('<option value="borttagen" selected>borttagen</option>');
    expect(html).toContain('Visar 0 av');
  });

  it('speaks English for an English browser or ?lang=en, and keeps the theme', () => {
    expect(render(localView(), '', 'en-GB')).toContain('<h1 class="tab-title">Balance list</h1>');
    expect(render(localView(), '?lang=en&theme=dark')).toMatch(/data-theme="dark" lang="en"/);
    expect(render(localView(), '?theme=<x>')).not.toContain('data-theme');
  });

  it('draws only the frame for other views and when there is no data', () => {
    const avtal = render(localView(), '?view=avtal');
    expect(avtal).toContain('<h2 class="tab-view-heading">Avtal</h2>');
    expect(avtal).not.toContain('data-group-key');
    const empty = render(null);
    expect(empty).toContain('Hämtar balanslistan');
    expect(empty).not.toContain('data-group-key');
  });
});
