/**
 * The field mapping and the due rules on large lists: how much goes in and comes out (bytes,
 * entries, problems) and how long one mapping and one `computeDue` take. Pure CPU, no requests.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_DUE_RULES, computeDue } from '../src/domain/due';
import { parseValidity } from '../src/domain/validity';
import type { ListData, ListItem } from '../src/ports/list-source';
import { mapListData } from '../src/lists/mapping';
import { ENTRY_KIND_CHOICES, SECTION_CHOICES } from '../src/lists/schema';

const VALIDITIES = ['2021-2023', 't.o.m. 2022-12-31', '', '2022-01-01 – 2024-06-30', 'tills vidare', 'fr.o.m. 2020-01-01', '2023-2021'];

function item(id: number, fields: Record<string, unknown>, list: string): ListItem {
  return {
    id: String(id),
    eTag: `"6f1d2c3b-0000-4000-8000-${String(id).padStart(12, '0')},1"`,
    webUrl: `https://contoso.sharepoint.com/sites/SVOM/Lists/${list}/${id}_.000`,
    lastModifiedDateTime: '2022-03-01T09:15:02Z',
    fields,
  };
}

/** A list of `size` entries; agreements cycle through common validity forms and one unreadable one. */
function makeList(size: number): ListData {
  const balance: ListItem[] = [];
  for (let id = 1; id <= size; id += 1) {
    // Groups of eleven: a parent and its ten children, the groups spread over the sections.
    const group = Math.floor((id - 1) / 11);
    const [sectionText, section] = SECTION_CHOICES[group % SECTION_CHOICES.length]!;
    const isParent = (id - 1) % 11 === 0;
    const parentId = isParent ? null : group * 11 + 1;
    const kind = section === 'agreements' ? 'Avtal' : isParent ? ENTRY_KIND_CHOICES[0][0] : 'Punkt';
    const fields: Record<string, unknown> = {
      Title: `Post ${id} – samverkan kring vård och omsorg`,
      EntryKey: `post-${id}`,
      Section: sectionText,
      EntryKind: kind,
      SortOrder: (id * 7919) % 97,
      EntryStatus: id % 3 === 0 ? 'Pågår' : undefined,
      PreparingGroups: ['Fredagsgruppen', 'L-IFO'],
      NextFollowUp: id % 13 === 0 ? '2022-09-21T22:00:00Z' : undefined,
      Notes: 'Följs upp i SVOM.',
    };
    if (parentId !== null && section !== 'agreements') fields.ParentKey = `post-${parentId}`;
    if (kind === 'Avtal') {
      fields.ValidityText = VALIDITIES[id % VALIDITIES.length];
      fields.RecommendingForums = ['SVOM'];
    }
    balance.push(item(id, fields, 'Balanslista'));
  }
  const meetings = Array.from({ length: 40 }, (_, index) =>
    item(index + 1, { Title: `SVOM ${index + 1}`, MeetingDate: `2022-${String((index % 12) + 1).padStart(2, '0')}-14T22:00:00Z`, StartTime: '09:00' }, 'Moten'),
  );
  return { balance, meetings };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(runs: number, work: () => void): number {
  work();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const rows: Array<Record<string, string | number>> = [];
for (const size of [1_000, 10_000]) {
  const data = makeList(size);
  const list = mapListData(data);
  const due = computeDue(list, '2022-09-01', DEFAULT_DUE_RULES);
  rows.push({
    items: size,
    requests: 0,
    'input bytes': Buffer.byteLength(JSON.stringify(data)),
    'output bytes': Buffer.byteLength(JSON.stringify(list)),
    entries: list.entries.length,
    problems: list.problems.length,
    'due meetings': due.meetings.length,
    'due expiries': due.expiries.length,
    'mapListData ms (median)': Number(time(size > 5_000 ? 5 : 15, () => mapListData(data)).toFixed(1)),
    'computeDue ms (median)': Number(time(15, () => computeDue(list, '2022-09-01', DEFAULT_DUE_RULES)).toFixed(2)),
  });
}
console.table(rows);

const texts = Array.from({ length: 10_000 }, (_, index) => VALIDITIES[index % VALIDITIES.length]!);
const parseMs = time(9, () => texts.forEach((text) => parseValidity(text)));
console.table([{ 'validity texts': texts.length, 'parseValidity total ms (median)': Number(parseMs.toFixed(1)) }]);
