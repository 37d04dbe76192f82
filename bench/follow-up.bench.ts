/**
 * The forum's year on a synthetic forum: ten years, 50 meetings and 1,000 ärenden over the 2022
 * balance list. How long the field mapping, the year's model and each report format take for one
 * year. Pure CPU, no requests (keeping the third list fresh is measured with the Graph source).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildForumYear } from '../src/domain/forum-year';
import { mapForumData, type ForumListData } from '../src/lists/errands-mapping';
import { renderFollowUpDocx, renderFollowUpHtml, renderFollowUpMarkdown } from '../src/report';
import { printTable } from './support/table';

const YEARS = 10;
const MEETINGS = 50;
const ERRANDS = 1_000;
const KINDS = ['Ordinarie', 'Ordinarie', 'Ordinarie', 'Gemensamt med Västernorrland', 'Extra'];

function item(id: number, fields: Record<string, unknown>) {
  return { id: String(id), eTag: `"${id},1"`, webUrl: `https://contoso.sharepoint.com/sites/SVOM/Lists/x/${id}_.000`, lastModifiedDateTime: null, fields };
}

function makeForum(): ForumListData {
  const seed = JSON.parse(readFileSync(join(__dirname, '..', 'data', 'balanslista-2022.json'), 'utf8')) as { balance: Array<{ fields: { EntryKey: string } }> };
  const keys = seed.balance.map((entry) => entry.fields.EntryKey);
  const meetings = Array.from({ length: MEETINGS }, (_, index) => {
    const year = 2013 + (index % YEARS);
    const month = 1 + ((index * 5) % 12);
    return item(index + 1, { Title: `SVOM ${index + 1}`, MeetingKey: `m-${index + 1}`, MeetingDate: `${year}-${String(month).padStart(2, '0')}-14`, MeetingKind: KINDS[index % KINDS.length] });
  });
  const errands = Array.from({ length: ERRANDS }, (_, index) =>
    item(index + 1, {
      Title: `Ärende ${index + 1} om samverkan kring vård och omsorg`,
      ErrandKey: `e-${index + 1}`,
      MeetingKey: `m-${(index % MEETINGS) + 1}`,
      EntryKeys: [keys[index % keys.length], keys[(index * 7) % keys.length]].join('\n'),
      PreparingGroup: index % 2 === 0 ? 'Fredagsgruppen' : 'L-IFO',
      ErrandKind: 'Beslut',
      ErrandStatus: 'Behandlat',
      Decision: 'SVOM beslutar att rekommendera kommunerna och regionen att anta överenskommelsen.',
      SortOrder: index % 20,
    }),
  );
  const forum = [item(1, { Title: 'Sociala vård- och omsorgsgruppen', ShortName: 'SVOM', PlannedMeetingsPerYear: 4 })];
  return { ...seed, meetings, errands, forum } as unknown as ForumListData;
}

async function time(runs: number, work: () => unknown): Promise<number> {
  await work();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] as number;
}

async function main(): Promise<void> {
  const lists = makeForum();
  const data = mapForumData(lists);
  const year = buildForumYear(data, 2017);
  const ms = (value: number) => value.toFixed(1);
  printTable(
    ['step', 'what', 'ms (median of 9)'],
    [
      ['mapForumData', `${data.entries.length} entries, ${data.meetings.length} meetings, ${data.errands.length} ärenden`, ms(await time(9, () => mapForumData(lists)))],
      ['buildForumYear', `2017: ${year.errands.length} ärenden, ${Object.values(year.meetings).flat().length} meetings`, ms(await time(9, () => buildForumYear(data, 2017)))],
      ['Markdown', `${Buffer.byteLength(renderFollowUpMarkdown(year))} bytes`, ms(await time(9, () => renderFollowUpMarkdown(year)))],
      ['HTML', `${Buffer.byteLength(renderFollowUpHtml(year))} bytes`, ms(await time(9, () => renderFollowUpHtml(year)))],
      ['Word', `${(await renderFollowUpDocx(year)).byteLength} bytes`, ms(await time(9, () => renderFollowUpDocx(year)))],
    ],
  );
}

void main();
