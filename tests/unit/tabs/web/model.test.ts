/**
 * The tab's pure logic: the tree in document order, search and filters, the address state,
 * agreement sorting, language choice, relative dates and Stockholm times.
 */
import { isProblemCode } from '../../../../src/domain/problems';
import { formatInstant } from '../../../../tabs/web/src/format';
import { en, languageOf, sv } from '../../../../tabs/web/src/i18n/strings';
import { countMatches, filterTree, sortAgreements } from '../../../../tabs/web/src/model/filter';
import { buildTree } from '../../../../tabs/web/src/model/tree';
import { formatUrlState, hasFilters, parseUrlState } from '../../../../tabs/web/src/model/url-state';
import { entry, fixtureView } from './fixture';

describe('buildTree', () => {
  it('groups entries by section and parent, in order, and keeps entries with an unknown parent', () => {
    const groups = buildTree(fixtureView().entries);
    expect(groups.map((group) => group.section)).toEqual(['priorities', 'several']);
    const priorities = groups[0]?.roots ?? [];
    expect(priorities.map((root) => root.entry.title)).toEqual(['Välfärdsteknologi', 'Psykisk hälsa']);
    expect(priorities[0]?.children.map((child) => child.entry.title)).toEqual(['Vältel 2.0', 'E-hälsocentrums verksamhet']);
    expect(groups[1]?.roots.map((root) => root.entry.title)).toEqual(['Upphandling', 'Post med okänd förälder']);
  });

  it('sorts siblings by their order, not by their position in the input', () => {
    const groups = buildTree([entry('1', 'a', { order: 2, title: 'B' }), entry('2', 'b', { order: 1, title: 'A' })]);
    expect(groups[0]?.roots.map((root) => root.entry.title)).toEqual(['A', 'B']);
  });

  it('shows every entry once even when parents form a cycle', () => {
    const cyclic = [entry('1', 'x', { parentKey: 'y' }), entry('2', 'y', { parentKey: 'x' })];
    const groups = buildTree(cyclic);
    const count = (nodes: ReturnType<typeof buildTree>[number]['roots']): number => nodes.reduce((sum, node) => sum + 1 + count(node.children), 0);
    expect(count(groups.flatMap((group) => group.roots))).toBe(2);
  });
});

describe('filterTree', () => {
  const tree = buildTree(fixtureView().entries);
  const state = (search: string) => parseUrlState(search);

  it('keeps matching entries with their parents for context', () => {
    const result = filterTree(tree, state('?q=vältel'), sv);
    expect(result).toHaveLength(1);
    const root = result[0]?.roots[0];
    expect(root?.entry.title).toBe('Välfärdsteknologi');
    expect(root?.matches).toBe(false);
    expect(root?.children.map((child) => [child.entry.title, child.matches])).toEqual([['Vältel 2.0', true]]);
    expect(countMatches(root!)).toBe(1);
  });

  it('matches every word, case-insensitively, in titles, notes, groups and status text', () => {
    expect(filterTree(tree, state('?q=FÖLJS 2023'), sv)[0]?.roots[0]?.children[0]?.entry.title).toBe('Handlingsplan psykisk hälsa');
    expect(filterTree(tree, state('?q=bevakas'), sv)[0]?.roots[0]?.children.map((child) => child.entry.title)).toEqual(['E-hälsocentrums verksamhet']);
    expect(filterTree(tree, state('?q=monitoring'), en)[0]?.roots[0]?.children.map((child) => child.entry.title)).toEqual(['E-hälsocentrums verksamhet']);
    expect(filterTree(tree, state('?q=finns+inte+alls'), sv)).toEqual([]);
  });

  it('filters by area, status, status "none" and preparing group', () => {
    expect(filterTree(tree, state('?area=prio-2'), sv).flatMap((section) => section.roots.map((root) => root.entry.key))).toEqual(['prio-2']);
    const active = filterTree(tree, state('?status=active'), sv);
    expect(
      active.flatMap((section) => section.roots.flatMap((root) => root.children.filter((child) => child.matches).map((child) => child.entry.key))),
    ).toEqual(['prio-1-1']);
    const byGroup = filterTree(tree, state('?group=L-IFO'), sv);
    expect(byGroup.flatMap((section) => section.roots.map((root) => root.entry.key))).toEqual(['prio-2']);
    const none = filterTree(tree, state('?status=none'), sv);
    expect(none.reduce((sum, section) => sum + section.roots.reduce((inner, root) => inner + countMatches(root), 0), 0)).toBe(5);
  });
});

describe('address state', () => {
  it('round-trips the view, search and filters, leaving defaults and foreign parameters alone', () => {
    const state = parseUrlState('?view=avtal&q=hem&state=expiring&sort=name&dir=desc&lang=en');
    expect(state).toMatchObject({ view: 'avtal', q: 'hem', state: 'expiring', sort: 'name', dir: 'desc' });
    expect(hasFilters(state)).toBe(true);
    expect(formatUrlState(state, '?lang=en&view=moten')).toBe('?lang=en&view=avtal&q=hem&state=expiring&sort=name&dir=desc');
    expect(formatUrlState(parseUrlState(''), '')).toBe('?view=balanslista');
  });

  it('drops values it does not know instead of trusting them', () => {
    const state = parseUrlState(`?view=<script>&status=hacked&state=x&sort=evil&dir=sideways&q=${'a'.repeat(500)}`);
    expect(state).toMatchObject({ view: 'balanslista', status: null, state: null, sort: 'validTo', dir: 'asc' });
    expect(state.q).toHaveLength(200);
  });

  it('opens the configured default view when the address names none', () => {
    expect(parseUrlState('', 'moten').view).toBe('moten');
  });
});

describe('sortAgreements', () => {
  const agreements = fixtureView().agreements;
  it('sorts by last day with unknown dates last in both directions', () => {
    expect(sortAgreements(agreements, 'validTo', 'asc').map((item) => item.key)).toEqual(['avtal-1', 'avtal-2', 'avtal-3', 'avtal-4']);
    expect(sortAgreements(agreements, 'validTo', 'desc').map((item) => item.key)).toEqual(['avtal-3', 'avtal-2', 'avtal-1', 'avtal-4']);
  });
  it('sorts by status (expired first), days left and name', () => {
    expect(sortAgreements(agreements, 'status', 'asc').map((item) => item.status)).toEqual(['expired', 'expiring', 'active', 'unknown']);
    expect(sortAgreements(agreements, 'daysLeft', 'desc').map((item) => item.daysLeft)).toEqual([395, 30, -245, null]);
    expect(sortAgreements(agreements, 'name', 'asc').map((item) => item.title)[0]).toBe('Avtal om in- och utskrivning');
  });
});

describe('language and dates', () => {
  it('speaks Swedish unless the locale is English', () => {
    expect(languageOf('en-US')).toBe('en');
    expect(languageOf('en-gb')).toBe('en');
    expect(languageOf('sv-SE')).toBe('sv');
    expect(languageOf('fi-FI')).toBe('sv');
    expect(languageOf(undefined)).toBe('sv');
  });

  it('says relative days as people do', () => {
    expect(sv.relativeDays(30)).toBe('om 30 dagar');
    expect(sv.relativeDays(-12)).toBe('för 12 dagar sedan');
    expect(sv.relativeDays(0)).toBe('i dag');
    expect(sv.relativeDays(1)).toBe('i morgon');
    expect(en.relativeDays(30)).toBe('in 30 days');
    expect(en.relativeDays(-12)).toBe('12 days ago');
  });

  it('shows instants in Stockholm time, summer and winter', () => {
    expect(formatInstant('2022-12-31T23:30:00Z')).toBe('2023-01-01 00:30');
    expect(formatInstant('2022-07-01T10:05:00Z')).toBe('2022-07-01 12:05');
    expect(formatInstant('not a date')).toBe('not a date');
  });

  it('names every status, state and problem code in both languages', () => {
    for (const strings of [sv, en]) {
      expect(Object.values(strings.entryStatus).every(Boolean)).toBe(true);
      // Completeness is the Record type's job; here: no empty text and no code the domain does not know.
      expect(Object.values(strings.problemCode).every(Boolean)).toBe(true);
      expect(Object.keys(strings.problemCode).filter((code) => !isProblemCode(code))).toEqual([]);
    }
    expect(Object.keys(en.problemCode).sort()).toEqual(Object.keys(sv.problemCode).sort());
    expect(sv.agreementState.expiring).toBe('Löper snart ut');
    expect(en.agreementState.expired).toBe('Expired');
  });
});
