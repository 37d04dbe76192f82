/** A section added to "Avsnitt SVOM" shows in the tab with its name and place, without a new version. */
import { renderPage } from '../../../../tabs/web/src/ssr/render-page';
import { sv, en } from '../../../../tabs/web/src/i18n/strings';
import { sectionDomId, sectionHeading } from '../../../../tabs/web/src/model/section-heading';
import { buildTree } from '../../../../tabs/web/src/model/tree';
import type { SectionDefinition } from '../../../../src/domain/sections';
import { entry, fixtureView } from './fixture';

const HOSTILE = '<img src=x onerror=alert(1)> "2026-2029"';
const defined = (key: string, name: string, order: number): SectionDefinition => ({
  key,
  name,
  order,
  periodText: '',
  fromYear: null,
  toYear: null,
  agreements: false,
  description: '',
});

describe('sections as data in the tab', () => {
  it("orders the tree by the view's sections, then any other section an entry names", () => {
    const entries = [entry('1', 'a', { section: 'later' }), entry('2', 'b', { section: 'first' }), entry('3', 'c', { section: 'stray' })];
    const tree = buildTree(entries, [defined('first', 'Först', 1), defined('later', 'Sedan', 2)]);
    expect(tree.map((group) => group.section)).toEqual(['first', 'later', 'stray']);
    // Without sections, the 2022 list's order as before.
    expect(buildTree([entry('1', 'a', { section: 'agreements' }), entry('2', 'b', { section: 'goals' })]).map((group) => group.section)).toEqual([
      'goals',
      'agreements',
    ]);
  });

  it("names a built-in section in the app's language and a section from the list as written", () => {
    const view = fixtureView();
    expect(sectionHeading('priorities', view.sections, sv.sections)).toBe(sv.sections.priorities);
    expect(sectionHeading('priorities', view.sections, en.sections)).toBe(en.sections.priorities);
    // A list that redefines a built-in key (a renamed period) wins over the app's words.
    expect(sectionHeading('priorities', [defined('priorities', 'SVOM:s prioriterade områden 2023-2026', 1)], en.sections)).toBe(
      'SVOM:s prioriterade områden 2023-2026',
    );
    expect(sectionHeading('nytt', [defined('nytt', 'Nytt avsnitt', 1)], sv.sections)).toBe('Nytt avsnitt');
    expect(sectionHeading('okänt', [], sv.sections)).toBe('okänt');
    // Entries that name no section at all, where the list has sections: never a blank heading.
    expect(sectionHeading('', [defined('', '', Number.MAX_SAFE_INTEGER)], sv.sections, sv.untitled)).toBe(sv.untitled);
  });

  it('makes a safe element id of any key, and keeps the built-in ids as they were', () => {
    expect(sectionDomId('priorities')).toBe('section-priorities');
    expect(sectionDomId('a b"<')).toMatch(/^section-[A-Za-z0-9_-]+$/);
    expect(sectionDomId('a b')).not.toBe(sectionDomId('a_b'));
  });

  it('draws a new section in the server-made first view, its name escaped', async () => {
    const view = fixtureView();
    view.sections = [defined('nytt', HOSTILE, 1)];
    view.entries = [entry('1', 'ny', { section: 'nytt', kind: 'heading', title: 'Digital vård' })];
    const { html } = await renderPage({ view, etag: '"v1"', search: '', acceptLanguage: 'sv-SE', now: new Date('2022-12-01T09:00:00Z') });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(`id="${sectionDomId('nytt')}"`);
    expect(html).toContain('Digital vård');
  });
});
