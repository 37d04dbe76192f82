import { createGraphClient } from '../../../src/sharepoint/graph-client';
import { provisionLists } from '../../../src/sharepoint/provision';
import { BALANCE_LIST, LISTS, MEETINGS_LIST, SECTION_CHOICES } from '../../../src/lists/schema';
import { silentLogger } from '../../../src/logger';
import { FAKE_LIST_NAMES, startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { graphOptions, sharePointOptions } from '../../fakes/fake-graph-options';
import { installAdminRoutes, type FakeAdmin } from '../../fakes/fake-graph-admin';

let graph: FakeGraph;
let admin: FakeAdmin;

async function start(withLists: boolean) {
  graph = await startFakeGraph({ withLists });
  admin = installAdminRoutes(graph);
}
afterEach(async () => {
  await graph.close();
});

function clientAndOptions() {
  const client = createGraphClient(graphOptions(graph), { logger: silentLogger, sleep: async () => undefined });
  const options = sharePointOptions(graph);
  return { client, options };
}

const writes = () => admin.calls.filter((call) => call.method !== 'GET');

describe('npm run provision (provisionLists)', () => {
  it('creates every list with every column, type, choice, index and unique constraint of the schema', async () => {
    await start(false);
    const { client, options } = clientAndOptions();
    const lines: string[] = [];
    const result = await provisionLists(client, options, { logger: silentLogger, progress: (line) => lines.push(line) });

    expect(result.changed).toBe(true);
    expect(result.lists.map((list) => [list.list, list.created, list.conflicts])).toEqual([
      ['balance', true, []],
      ['meetings', true, []],
      ['errands', true, []],
      ['forum', true, []],
      ['sections', true, []],
      ['actions', true, []],
    ]);
    expect(lines.join('\n')).toMatch(/List "Balanslista SVOM": not found, creating it with 17 columns/);

    for (const definition of Object.values(LISTS)) {
      const columns = new Map(admin.columns(definition.displayName).map((column) => [column.name, column]));
      for (const wanted of definition.columns) {
        const column = columns.get(wanted.name) as unknown as {
          required: boolean;
          indexed: boolean;
          text?: { allowMultipleLines: boolean };
          choice?: { displayAs: string; choices: string[]; allowTextEntry: boolean };
          dateTime?: { format: string };
          number?: object;
          hyperlinkOrPicture?: object;
          boolean?: object;
          personOrGroup?: { allowMultipleSelection?: boolean; chooseFromType?: string };
        };
        expect(column).toBeDefined();
        expect(column.required).toBe(wanted.required);
        expect(column.indexed).toBe(wanted.indexed);
        const kind = column.text
          ? column.text.allowMultipleLines
            ? 'note'
            : 'text'
          : column.choice
            ? column.choice.displayAs === 'checkBoxes'
              ? 'multiChoice'
              : 'choice'
            : column.dateTime
              ? column.dateTime.format === 'dateOnly'
                ? 'dateOnly'
                : 'dateTime'
              : column.number
                ? 'number'
                : column.hyperlinkOrPicture
                  ? 'hyperlink'
                  : column.boolean
                    ? 'boolean'
                    : column.personOrGroup?.allowMultipleSelection === false && column.personOrGroup.chooseFromType === 'peopleOnly'
                      ? 'person'
                      : '?';
        expect([wanted.name, kind]).toEqual([wanted.name, wanted.type]);
        if (wanted.type === 'choice' || wanted.type === 'multiChoice') {
          expect(column.choice?.choices).toEqual(wanted.values.map(([text]) => text));
          expect(column.choice?.allowTextEntry).toBe(wanted.allowFillIn);
        }
      }
    }
    const key = admin.columns(BALANCE_LIST.displayName).find((column) => column.name === 'EntryKey');
    expect(key).toMatchObject({ indexed: true, enforceUniqueValues: true, displayName: 'Nyckel' });
    expect(graph.listInfo(BALANCE_LIST.displayName).displayName).toBe('Balanslista SVOM');
  });

  it('changes nothing on a second run, and says so', async () => {
    await start(false);
    const { client, options } = clientAndOptions();
    await provisionLists(client, options, { logger: silentLogger });
    const before = writes().length;

    const again = await provisionLists(client, options, { logger: silentLogger });
    expect(again.changed).toBe(false);
    expect(writes().length).toBe(before);
    expect(again.lists.map((list) => [list.created, list.columnsCreated, list.columnsUpdated, list.unchanged])).toEqual(
      Object.values(LISTS).map((definition) => [false, [], [], definition.columns.length]),
    );
  });

  it('adds missing columns and choices, switches on indexes, and reports a column of another type without touching it', async () => {
    await start(true);
    const { client, options } = clientAndOptions();
    admin.setColumn(BALANCE_LIST.displayName, 'SortOrder', { text: { allowMultipleLines: false, maxLength: 255 } });
    admin.setColumn(BALANCE_LIST.displayName, 'EntryStatus', {
      choice: { allowTextEntry: false, choices: ['Pågår', 'Klar', 'Avslutad'], displayAs: 'dropDownMenu' },
    });
    admin.setColumn(MEETINGS_LIST.displayName, 'MeetingDate', { indexed: false });
    const columnsBefore = admin.columns(MEETINGS_LIST.displayName).filter((column) => column.name !== 'ItemDeadline');
    admin.setColumn(MEETINGS_LIST.displayName, 'ItemDeadline', { name: 'ItemDeadlineOld' });
    const lines: string[] = [];

    const result = await provisionLists(client, options, { logger: silentLogger, progress: (line) => lines.push(line) });

    const [balance, meetings] = result.lists;
    expect(balance?.conflicts).toEqual([{ name: 'SortOrder', expected: 'number', actual: 'text' }]);
    expect(balance?.columnsUpdated).toEqual([{ name: 'EntryStatus', changes: ['choices + "Ej påbörjad", "Bevakas", "Vilande"'] }]);
    expect(meetings?.columnsUpdated).toEqual([{ name: 'MeetingDate', changes: ['indexed'] }]);
    expect(meetings?.columnsCreated).toEqual(['ItemDeadline']);
    expect(lines.join('\n')).toContain('! SortOrder (Ordning) is text on the site, the schema wants number: left as it is');

    const sortOrder = admin.columns(BALANCE_LIST.displayName).find((column) => column.name === 'SortOrder');
    expect(sortOrder?.text).toBeDefined(); // never retyped or dropped
    const status = admin.columns(BALANCE_LIST.displayName).find((column) => column.name === 'EntryStatus') as unknown as { choice: { choices: string[] } };
    expect(status.choice.choices).toEqual(['Pågår', 'Klar', 'Avslutad', 'Ej påbörjad', 'Bevakas', 'Vilande']); // the site's own value kept
    expect(admin.columns(MEETINGS_LIST.displayName).map((column) => column.name)).toEqual(
      expect.arrayContaining([...columnsBefore.map((c) => c.name), 'ItemDeadlineOld', 'ItemDeadline']),
    );

    const again = await provisionLists(client, options, { logger: silentLogger });
    expect(again.changed).toBe(false);
    expect(again.lists[0]?.conflicts).toHaveLength(1); // still reported, still untouched
  });

  it("gives each column its Swedish hint for SharePoint's form, replacing the earlier English text but never one written on the site", async () => {
    await start(false);
    const { client, options } = clientAndOptions();
    await provisionLists(client, options, { logger: silentLogger });
    const described = (list: string) => new Map(admin.columns(list).map((column) => [column.name, column.description]));
    for (const definition of Object.values(LISTS)) {
      const site = described(definition.displayName);
      expect(definition.columns.map((column) => [column.name, site.get(column.name)])).toEqual(definition.columns.map((column) => [column.name, column.hint]));
    }
    const link = MEETINGS_LIST.columns.find((column) => column.name === 'MeetingLink');
    expect(link?.hint).toMatch(/^Klistra in länken för att ansluta till Teams-mötet/);

    // A site provisioned by an earlier version: English descriptions, Title without one; and one the secretariat wrote.
    for (const column of MEETINGS_LIST.columns) admin.setColumn(MEETINGS_LIST.displayName, column.name, { description: column.description });
    admin.setColumn(MEETINGS_LIST.displayName, 'Title', { description: '' });
    admin.setColumn(MEETINGS_LIST.displayName, 'Location', { description: 'Ange lokal och ort.' });
    const lines: string[] = [];
    const result = await provisionLists(client, options, { logger: silentLogger, progress: (line) => lines.push(line) });
    const meetings = result.lists.find((list) => list.list === 'meetings');
    expect(meetings?.columnsUpdated).toEqual(
      MEETINGS_LIST.columns.filter((column) => column.name !== 'Location').map((column) => ({ name: column.name, changes: ['description in Swedish'] })),
    );
    expect(lines).toContain('  ~ MeetingLink updated: description in Swedish');
    const site = described(MEETINGS_LIST.displayName);
    expect(site.get('Location')).toBe('Ange lokal och ort.');
    expect(site.get('Title')).toBe(MEETINGS_LIST.columns[0]?.hint);
    expect(site.get('MeetingLink')).toBe(link?.hint);
    expect((await provisionLists(client, options, { logger: silentLogger })).changed).toBe(false);
  });

  it('names Sites.Selected and the manage role when the site refuses', async () => {
    await start(false);
    admin.setManage(false);
    const { client, options } = clientAndOptions();
    await expect(provisionLists(client, options, { logger: silentLogger })).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/Sites\.Selected.*"manage" role/),
    });
  });

  it('rides out throttling', async () => {
    await start(false);
    const { client, options } = clientAndOptions();
    graph.throttle(2, 1);
    const result = await provisionLists(client, options, { logger: silentLogger });
    expect(result.lists.every((list) => list.created)).toBe(true);
    expect(graph.graphRequests().filter((request) => request.status === 429)).toHaveLength(2);
  });

  it('says which site could not be found', async () => {
    await start(false);
    const { client } = clientAndOptions();
    await expect(
      provisionLists(client, { siteUrl: 'https://contoso.sharepoint.com/sites/annat', siteId: null, lists: { ...FAKE_LIST_NAMES } }, { logger: silentLogger }),
    ).rejects.toMatchObject({ status: 404, message: expect.stringContaining('https://contoso.sharepoint.com/sites/annat') });
  });
});

describe("npm run provision on a site from before the forum's year", () => {
  it("adds the ärenden, forum and sections lists, the meetings' new columns and choice, and Section fill-in, leaving the rest", async () => {
    await start(false);
    const { client, options } = clientAndOptions();
    await provisionLists(client, options, { logger: silentLogger }, ['balance', 'meetings']);
    // The site as provisioned before: no MeetingKey column, no "Annat evenemang", Section without fill-in.
    admin.setColumn(MEETINGS_LIST.displayName, 'MeetingKind', {
      choice: { allowTextEntry: false, choices: ['Ordinarie', 'Extra', 'Gemensamt med Västernorrland'], displayAs: 'dropDownMenu' },
    });
    admin.setColumn(BALANCE_LIST.displayName, 'Section', {
      choice: { allowTextEntry: false, choices: SECTION_CHOICES.map(([text]) => text), displayAs: 'dropDownMenu' },
    });

    const result = await provisionLists(client, options, { logger: silentLogger });

    expect(result.lists.map((list) => [list.list, list.created])).toEqual([
      ['balance', false],
      ['meetings', false],
      ['errands', true],
      ['forum', true],
      ['sections', true],
      ['actions', true],
    ]);
    const meetingKind = admin.columns(MEETINGS_LIST.displayName).find((column) => column.name === 'MeetingKind') as unknown as {
      choice: { choices: string[] };
    };
    expect(meetingKind.choice.choices).toContain('Annat evenemang');
    const section = admin.columns(BALANCE_LIST.displayName).find((column) => column.name === 'Section') as unknown as { choice: { allowTextEntry: boolean } };
    expect(section.choice.allowTextEntry).toBe(true);
    expect(admin.columns(LISTS.errands.displayName).map((column) => column.name)).toEqual(
      expect.arrayContaining(LISTS.errands.columns.map((column) => column.name)),
    );
  });
});
