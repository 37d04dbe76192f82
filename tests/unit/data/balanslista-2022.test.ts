/**
 * The seed (`data/balanslista-2022.json`) against the source it transcribes
 * (`data/source/balanslista-svom-2022.txt`, the text of "Balanslista SVOM 2022"):
 * complete, spelled as in the source, in the list schema, and with nothing invented.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agreementState } from '../../../src/domain/agreements';
import { parseValidity } from '../../../src/domain/validity';
import type { ListItem } from '../../../src/ports/list-source';
import { mapListData } from '../../../src/lists/mapping';
import { LISTS, SECTION_CHOICES } from '../../../src/lists/schema';
import type { ChoiceColumn } from '../../../src/lists/schema';

const root = join(__dirname, '../../..');
const seed = JSON.parse(readFileSync(join(root, 'data/balanslista-2022.json'), 'utf8')) as {
  balance: Array<{ id: string; fields: Record<string, unknown> }>;
  meetings: Array<{ id: string; fields: Record<string, unknown> }>;
};
const source = readFileSync(join(root, 'data/source/balanslista-svom-2022.txt'), 'utf8');

const SECTION = Object.fromEntries(SECTION_CHOICES.map(([text, value]) => [value, text])) as Record<string, string>;
const entries = seed.balance.map((item) => item.fields);
const byKey = new Map(entries.map((fields) => [fields.EntryKey as string, fields]));
const text = (fields: Record<string, unknown> | undefined, name: string) => (fields?.[name] as string | undefined) ?? '';
const children = (parentKey: string) =>
  entries.filter((fields) => fields.ParentKey === parentKey).sort((a, b) => (a.SortOrder as number) - (b.SortOrder as number));
const titlesUnder = (parentKey: string) => children(parentKey).map((fields) => fields.Title);
const topLevel = (section: string) =>
  entries
    .filter((fields) => fields.Section === SECTION[section] && fields.ParentKey === undefined)
    .sort((a, b) => (a.SortOrder as number) - (b.SortOrder as number));

/** The source as one line, with the PDF's broken line wraps joined (the only corrections allowed). */
function normalizedSource(): string {
  const WRAPS: Array<[string, string]> = [
    ['Välfärdsteknolo gi', 'Välfärdsteknologi'],
    ['digitaliseringsnätv erk', 'digitaliseringsnätverk'],
    ['SIP- stödjare', 'SIP-stödjare'],
    ['(2021- 2023)', '(2021-2023)'],
  ];
  let result = source.replace(/\s+/g, ' ').trim();
  for (const [broken, joined] of WRAPS) {
    expect(result).toContain(broken);
    result = result.split(broken).join(joined);
  }
  return result;
}

const collapse = (value: string) => value.replace(/\s+/g, ' ').trim();

describe('seed: structure of the 2022 balance list', () => {
  it('has every goal area with all its sub-goals', () => {
    expect(topLevel('goals').map((fields) => [fields.EntryKey, fields.EntryKind, fields.Title])).toEqual([
      ['mal-vision', 'Rubrik', expect.stringMatching(/^Region Jämtland Härjedalen och länets kommuner är överens\./)],
      ['mal-1', 'Målområde', 'Förbättrad psykisk hälsa'],
      ['mal-2', 'Målområde', 'Hälsofrämjande och trygga levnadsvillkor'],
      ['mal-3', 'Målområde', 'Tillgänglig och samordnad hälso- och sjukvård för en hållbar utveckling i Jämtlands län'],
    ]);
    expect(text(byKey.get('mal-vision'), 'Title')).toBe(
      'Region Jämtland Härjedalen och länets kommuner är överens. År 2025 ska länets befolkning ha en klart bättre hälsa än idag. Visionen är ”Hälsa på lika villkor för hela befolkningen”',
    );
    expect(children('mal-1')).toHaveLength(7);
    expect(children('mal-2')).toHaveLength(5);
    expect(children('mal-3')).toHaveLength(10);
    expect(titlesUnder('mal-1')[5]).toBe('Beakta samers psykiska hälsa.');
    expect(titlesUnder('mal-3')[9]).toBe('Arbeta gemensamt kring kunskapsstyrning.');
    for (const key of ['mal-1', 'mal-2', 'mal-3']) {
      for (const fields of children(key)) expect(fields.EntryKind).toBe('Delmål');
    }
  });

  it('has every priority area with its items, line wraps joined', () => {
    expect(topLevel('priorities').map((fields) => fields.Title)).toEqual(['Välfärdsteknologi', 'God och nära vård', 'Psykisk hälsa']);
    expect(titlesUnder('prio-1')).toEqual(['Vältel 2.0', 'E-hälsocentrums verksamhet', 'E-hälso- och digitaliseringsnätverk']);
    expect(children('prio-2')).toHaveLength(7);
    expect(titlesUnder('prio-2')).toContain('SIP-samordnare, SIP-stödjare, gemensamma dokument');
    expect(children('prio-3')).toHaveLength(10);
    expect(titlesUnder('prio-3')).toContain('Överenskommelse psykiska funktionsnedsättningar (2021-2023)');
    expect(titlesUnder('prio-3')).toContain('Regionens Antistigmaprojekt');
    expect(byKey.get('prio-2-4')?.Title).toBe('Samverkande sjukvård Härjedalen');
  });

  it('has every strategy heading, topic and item', () => {
    expect(topLevel('strategy').map((fields) => [fields.EntryKind, fields.Title])).toEqual([
      ['Rubrik', 'Hälsofrämjande och trygghetsskapande levnadsvillkor'],
      ['Rubrik', 'Förbättrad psykisk hälsa – se rubrik psykisk hälsa'],
      ['Rubrik', 'Tillgänglig och samordnad hälso- och sjukvård'],
    ]);
    expect(titlesUnder('strategi-1')).toEqual(['Folkhälsopolicy', 'Våld i nära relationer']);
    expect(children('strategi-1-2')).toHaveLength(4);
    expect(children('strategi-2')).toHaveLength(0);
    expect(titlesUnder('strategi-3')).toEqual([
      'Hemsjukvård',
      'In- och utskrivning från slutenvård',
      'Vårdadministrativa system',
      'Prevention',
      'Personcentrering/patientkontrakt',
      'Vuxenhabilitering',
      'Kompetensförsörjning',
      'Kunskapsstyrning',
    ]);
    expect(titlesUnder('strategi-3-1')).toEqual([
      'Samverkansavtal hemsjukvård och bilagor',
      'Problematik kring gränsdragning primärvård/specialistvård t.ex. frågor om Storsjögläntan och MINT',
    ]);
    expect(titlesUnder('strategi-3').map((_, index) => children(`strategi-3-${index + 1}`).length)).toEqual([2, 1, 2, 2, 2, 1, 1, 2]);
    for (const fields of entries.filter((candidate) => candidate.Section === SECTION.strategy)) {
      const depth = (fields.EntryKey as string).split('-').length - 1;
      expect(fields.EntryKind).toBe(['Rubrik', 'Ämne', 'Punkt'][depth - 1]);
    }
  });

  it('has both areas of "Flera områden" with their items', () => {
    expect(topLevel('several').map((fields) => [fields.EntryKey, fields.EntryKind, fields.Title])).toEqual([
      ['flera-1', 'Rubrik', 'Kommunikation - samverkanssidan'],
      ['flera-2', 'Rubrik', 'Upphandling'],
    ]);
    expect(titlesUnder('flera-1')).toEqual([
      'www.regionjh.se/samverkan',
      'Översyn enligt planering på att all information är aktuell och initierar revidering vid behov',
    ]);
    expect(titlesUnder('flera-2')).toEqual(['Gemensam nämndens upphandlingsansvar', 'Kan stämma av verksamhetsinnehåll med SVOM']);
  });

  it('has all five agreements with validity, forums, notes and revision status as written', () => {
    const agreements = topLevel('agreements').map((fields) => ({
      key: fields.EntryKey,
      kind: fields.EntryKind,
      validity: fields.ValidityText ?? '',
      recommending: fields.RecommendingForums,
      preparing: fields.PreparingGroups,
      revision: fields.RevisionStatus ?? null,
      followUp: fields.NextFollowUp ?? null,
      notes: collapse(text(fields, 'Notes')),
    }));
    expect(agreements).toEqual([
      {
        key: 'avtal-1', kind: 'Avtal', validity: '2021-2023', recommending: ['SVOM', 'Barnarenan'],
        preparing: ['SamReKo', 'HSI', 'Fredagsgruppen'], revision: 'Ej behov av revision', followUp: null,
        notes: 'Ej behov av rev 2022. rev. 2021',
      },
      {
        key: 'avtal-2', kind: 'Avtal', validity: '2021-2023', recommending: ['SVOM'],
        preparing: ['SamReKo', 'HSI', 'Fredagsgruppen'], revision: 'Ej behov av revision', followUp: null,
        notes: 'Ej behov av rev 2022. rev. 2021',
      },
      {
        key: 'avtal-3', kind: 'Avtal', validity: 't.o.m. 2022-12-31', recommending: ['SVOM'],
        preparing: ['Fredagsgruppen'], revision: 'Revision kan behövas', followUp: null,
        notes: 'Process kring avtalet genomförs 2022. Ev. rev?',
      },
      {
        key: 'avtal-4', kind: 'Avtal', validity: 't.o.m. 2022-03-31', recommending: ['SVOM'],
        preparing: ['Fredagsgruppen'], revision: 'Revision kan behövas', followUp: '2022-02-26',
        notes: 'Följs upp i SVOM 2022-02-26. Ev. behov av rev?',
      },
      {
        key: 'avtal-5', kind: 'Avtal', validity: '', recommending: ['SVOM'],
        preparing: ['Beställarenheten', 'Fredagsgruppen'], revision: null, followUp: null,
        notes: 'Ska denna ök. beslutas via SVOM? Togs fram i slutet av 1990-talet.',
      },
    ]);
    expect(text(byKey.get('avtal-2'), 'Title')).toBe(
      'Överenskommelse om samarbete mellan kommunerna i Jämtlands län och Region Jämtland Härjedalen gällande personer med psykiska funktionsnedsättningar 2021 – 2023',
    );
    expect(text(byKey.get('avtal-5'), 'Title')).toBe('Överenskommelse tandvård – uppsökande tandvård');
  });

  it('gives the agreements the validity the domain reads from the text (the dental one unknown)', () => {
    const states = topLevel('agreements').map((fields) => {
      const { validity, problem } = parseValidity(text(fields, 'ValidityText'));
      return [validity.from, validity.to, problem?.code ?? null, agreementState(validity, '2022-08-01', 180).status];
    });
    expect(states).toEqual([
      ['2021-01-01', '2023-12-31', null, 'active'],
      ['2021-01-01', '2023-12-31', null, 'active'],
      [null, '2022-12-31', null, 'expiring'],
      [null, '2022-03-31', null, 'expired'],
      [null, null, null, 'unknown'],
    ]);
  });

  it('counts 90 entries: 26 goals, 23 priorities, 30 strategy, 6 several, 5 agreements', () => {
    const count = (section: string) => entries.filter((fields) => fields.Section === SECTION[section]).length;
    expect([count('goals'), count('priorities'), count('strategy'), count('several'), count('agreements')]).toEqual([26, 23, 30, 6, 5]);
    expect(seed.balance).toHaveLength(90);
  });
});

describe('seed: faithful to the source text', () => {
  it('spells every title, validity, forum and note as the source does, in the source order, and leaves nothing out', () => {
    let remaining = normalizedSource();
    const IGNORED = [
      'Balanslista SVOM 2022',
      ...SECTION_CHOICES.map(([title]) => title),
      'Överenskommelse/avtal Giltighetstid Rekommendations- beslutande forum Beredande forum Noteringar 2021-2022',
    ];
    for (const heading of IGNORED) {
      expect(remaining).toContain(heading);
      remaining = remaining.split(heading).join(' | ');
    }
    let cursor = 0;
    const consume = (piece: string, where: string) => {
      const at = remaining.indexOf(piece, cursor);
      if (at < 0) throw new Error(`${where}: "${piece}" is not in the source (after position ${cursor})`);
      remaining = `${remaining.slice(0, at)} | ${remaining.slice(at + piece.length)}`;
      cursor = at;
    };
    for (const item of seed.balance) {
      const fields = item.fields;
      const where = String(fields.EntryKey);
      consume(text(fields, 'Title'), where);
      if (fields.ValidityText) consume(text(fields, 'ValidityText'), where);
      for (const forum of (fields.RecommendingForums as string[] | undefined) ?? []) consume(forum, where);
      for (const group of (fields.PreparingGroups as string[] | undefined) ?? []) consume(group, where);
      if (fields.Notes) consume(collapse(text(fields, 'Notes')), where);
    }
    // U+F0B4 is a bullet glyph of the PDF's symbol font, before the intro text.
    const leftover = remaining.split(/[\s|•\uf0b4]+/).filter(Boolean);
    // "SVOM och Barnarenan" and "Beställarenheten, Fredagsgruppen" leave their joining words.
    expect(leftover).toEqual(['och', ',']);
  });

  it('records the one meeting the source names, and nothing else as real', () => {
    expect(seed.meetings).toHaveLength(1);
    const meeting = seed.meetings[0]?.fields ?? {};
    expect(meeting.MeetingDate).toBe('2022-02-26');
    expect(meeting.Title).toBe('SVOM');
    expect(source).toContain('Följs upp i SVOM 2022-02-26');
    // Kind, time, place and deadline are not in the source, so they are not in the seed.
    expect(Object.keys(meeting).sort()).toEqual(['MeetingDate', 'Notes', 'Title']);
    expect(JSON.stringify(seed)).not.toMatch(/Exempel/);
  });
});

describe('seed: in the SharePoint list schema', () => {
  const listItems = (list: 'balance' | 'meetings'): ListItem[] =>
    seed[list].map((item) => ({ id: item.id, eTag: `"seed,1"`, webUrl: `seed#${item.id}`, lastModifiedDateTime: null, fields: item.fields }));

  it('uses only known columns and choice texts, with ids and keys unique', () => {
    for (const list of ['balance', 'meetings'] as const) {
      const columns = new Map(LISTS[list].columns.map((column) => [column.name, column]));
      seed[list].forEach((item, index) => {
        expect(item.id).toBe(String(index + 1));
        for (const [name, value] of Object.entries(item.fields)) {
          const column = columns.get(name);
          expect(column).toBeDefined();
          if (column?.type === 'choice') expect((column as ChoiceColumn).values.map(([choice]) => choice)).toContain(value);
          if (column?.type === 'multiChoice') {
            expect(Array.isArray(value)).toBe(true);
            for (const choice of value as string[]) expect((column as ChoiceColumn).values.map(([known]) => known)).toContain(choice);
          }
          if (column?.type === 'dateOnly') expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (column?.type === 'number') expect(Number.isInteger(value)).toBe(true);
        }
      });
    }
    expect(byKey.size).toBe(entries.length);
  });

  it('gives each entry a readable key under its parent and consecutive sort orders', () => {
    for (const fields of entries) {
      const key = fields.EntryKey as string;
      expect(key).toMatch(/^(mal|prio|strategi|flera|avtal)-(vision|\d+(-\d+)*)$/);
      if (fields.ParentKey === undefined) continue;
      expect(key.startsWith(`${fields.ParentKey as string}-`)).toBe(true);
      expect(byKey.get(fields.ParentKey as string)?.Section).toBe(fields.Section);
    }
    const parents = new Set(entries.map((fields) => `${fields.Section as string}|${(fields.ParentKey as string | undefined) ?? ''}`));
    for (const parent of parents) {
      const [section, parentKey] = parent.split('|');
      const orders = entries
        .filter((fields) => fields.Section === section && ((fields.ParentKey as string | undefined) ?? '') === parentKey)
        .map((fields) => fields.SortOrder as number);
      const first = parentKey === '' && section === SECTION.goals ? 0 : 1;
      expect(orders).toEqual(orders.map((_, index) => index + first));
    }
  });

  it('maps to the domain with one warning: the dental agreement states no validity, so nobody is reminded', () => {
    const list = mapListData({ balance: listItems('balance'), meetings: listItems('meetings') });
    expect(list.problems.map((problem) => [problem.title, problem.field, problem.code])).toEqual([
      ['Överenskommelse tandvård – uppsökande tandvård', 'ValidityText', 'missing-validity'],
    ]);
    expect(list.entries).toHaveLength(90);
    const dental = list.entries.find((entry) => entry.key === 'avtal-5');
    expect(dental?.agreement?.validity).toEqual({ text: '', from: null, to: null });
    expect(list.entries.find((entry) => entry.key === 'avtal-1')?.agreement?.recommendingForums).toEqual(['SVOM', 'Barnarenan']);
    expect(list.meetings.map((meeting) => meeting.date)).toEqual(['2022-02-26']);
  });
});
