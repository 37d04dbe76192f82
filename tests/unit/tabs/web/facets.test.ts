/**
 * What the tab's filters offer: only values some entry has, with their counts; areas only where
 * entries sit under them, with short labels; and the count beside a group leaves its heading out.
 */
import { agreementStateFacets, areaFacets, forumFacets, groupFacets, shortLabel, statusFacets } from '../../../../tabs/web/src/model/facets';
import { countBelow, countMatches, filterTree } from '../../../../tabs/web/src/model/filter';
import { buildTree } from '../../../../tabs/web/src/model/tree';
import { parseUrlState } from '../../../../tabs/web/src/model/url-state';
import { sv } from '../../../../tabs/web/src/i18n/strings';
import { agreement, entry, fixtureView } from './fixture';

describe('statusFacets and groupFacets', () => {
  it('offer only the statuses in use, in the usual order, then "none" with its count', () => {
    expect(statusFacets(fixtureView().entries)).toEqual([
      { value: 'active', count: 1 },
      { value: 'monitoring', count: 1 },
      { value: 'none', count: 5 },
    ]);
    expect(statusFacets([entry('1', 'a', { status: 'done' })])).toEqual([{ value: 'done', count: 1 }]);
    expect(statusFacets([])).toEqual([]);
  });

  it('offer each preparing group once per entry, blank names left out, Swedish-alphabetically', () => {
    const entries = [
      entry('1', 'a', { preparingGroups: ['Öst', 'Fredagsgruppen', 'Fredagsgruppen'] }),
      entry('2', 'b', { preparingGroups: ['Fredagsgruppen', '  ', 'Arena'] }),
    ];
    expect(groupFacets(entries)).toEqual([
      { value: 'Arena', count: 1 },
      { value: 'Fredagsgruppen', count: 2 },
      { value: 'Öst', count: 1 },
    ]);
  });
});

describe('agreement facets', () => {
  it('offer the states in use (expired first) and every forum named, counted once per agreement', () => {
    const agreements = [
      agreement('1', 'x', { validity: { text: '', from: null, to: null }, status: 'unknown', preparingGroups: ['SVOM'] }),
      agreement('2', 'y', { validity: { text: '', from: null, to: '2022-01-01' }, status: 'expired' }),
    ];
    expect(agreementStateFacets(agreements)).toEqual([
      { value: 'expired', count: 1 },
      { value: 'unknown', count: 1 },
    ]);
    // Agreement 1 names SVOM as both preparing and recommending: counted once.
    expect(forumFacets(agreements)).toEqual([{ value: 'SVOM', count: 2 }]);
  });
});

describe('areaFacets', () => {
  it('leaves out headings with nothing under them and counts the entries under each area', () => {
    const facets = areaFacets(buildTree(fixtureView().entries), sv.untitled);
    expect(facets).toEqual([
      {
        section: 'priorities',
        areas: [
          { value: 'prio-1', count: 2, label: 'Välfärdsteknologi' },
          { value: 'prio-2', count: 1, label: 'Psykisk hälsa' },
        ],
      },
    ]);
  });

  it('counts grandchildren too', () => {
    const tree = buildTree([entry('1', 'a'), entry('2', 'b', { parentKey: 'a' }), entry('3', 'c', { parentKey: 'b' })]);
    expect(areaFacets(tree, sv.untitled)[0]?.areas[0]?.count).toBe(2);
  });

  it('shortens a long title at a word boundary', () => {
    const title = 'Tillgänglig och samordnad hälso- och sjukvård för en hållbar utveckling i Jämtlands län';
    const label = shortLabel(title);
    expect(label).toBe('Tillgänglig och samordnad hälso- och sjukvård…');
    expect(label.length).toBeLessThanOrEqual(48);
    expect(shortLabel('Psykisk hälsa')).toBe('Psykisk hälsa');
    expect(shortLabel('  Två   mellanslag  ')).toBe('Två mellanslag');
    expect(shortLabel('Ettmycketlångtordutanmellanslagsomintetarslutförrän här', 20)).toBe('Ettmycketlångtordut…');
  });
});

describe('countBelow', () => {
  it('counts the matching entries under a heading, not the heading itself', () => {
    const tree = buildTree(fixtureView().entries);
    const all = filterTree(tree, parseUrlState(''), sv);
    const welfare = all[0]?.roots[0];
    expect(welfare?.entry.title).toBe('Välfärdsteknologi');
    expect(countMatches(welfare!)).toBe(3);
    expect(countBelow(welfare!)).toBe(2);
    const searched = filterTree(tree, parseUrlState('?q=vältel'), sv)[0]?.roots[0];
    expect(countBelow(searched!)).toBe(1);
  });
});
