/**
 * The people directory against the fake Graph: a person of a person column is found in the site's
 * user list (a hidden system list) by the lookup id the lists carry, and mentioned by the UPN of
 * their login claim. Graph requests are counted: the list's id once, each person once a day, none
 * for a person already known. A person removed from the site, a group, a person with no address,
 * a 403 and an unavailable Graph each leave the person unmentioned, with one English log line.
 */
import { silentLogger, type Logger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import { FAILURE_TTL_MS, GraphPeopleDirectory, PERSON_TTL_MS, mentionOf } from '../../../src/sharepoint/graph-people-directory';
import { startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { harness, sharePointOptions } from './graph-harness';

/** A logger that keeps each line's message and fields (the app's loggers are pino; this fits the part the directory uses). */
function recordingLogger(lines: Array<{ level: string; msg: string; fields: Record<string, unknown> }>): Logger {
  const make = (bindings: Record<string, unknown>): Logger => {
    const write =
      (level: string) =>
      (fields: unknown, msg?: unknown): void => {
        if (typeof fields === 'string') lines.push({ level, msg: fields, fields: bindings });
        else lines.push({ level, msg: String(msg ?? ''), fields: { ...bindings, ...(fields as Record<string, unknown>) } });
      };
    return Object.assign(Object.create(silentLogger) as Logger, {
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      child: (more: Record<string, unknown>) => make({ ...bindings, ...more }),
    });
  };
  return make({});
}

describe('the people directory over the site user list', () => {
  let fake: FakeGraph;
  let lines: Array<{ level: string; msg: string; fields: Record<string, unknown> }>;
  let clock: FixedClock;
  let directory: GraphPeopleDirectory;

  beforeEach(async () => {
    fake = await startFakeGraph();
    lines = [];
    clock = new FixedClock('2022-12-01T09:00:00Z');
    directory = new GraphPeopleDirectory(harness(fake).client, sharePointOptions(fake), { logger: recordingLogger(lines), now: () => clock.now() });
  });
  afterEach(async () => {
    await fake?.close();
  });

  const paths = () => fake.graphRequests().map((entry) => entry.path.replace(/^\/v1\.0/, ''));

  it('finds a person by lookup id and mentions them by the UPN of their login claim', async () => {
    const anna = fake.addUser('Anna Berg', 'anna.berg@regionjh.se', { upn: 'anna.berg@regionjh.onmicrosoft.com' });
    const found = await directory.mentionable([anna]);
    expect([...found]).toEqual([[anna, { id: 'anna.berg@regionjh.onmicrosoft.com', name: 'Anna Berg' }]]);
    expect(paths()).toEqual([
      '/sites/contoso.sharepoint.com:/sites/svom?$select=id',
      expect.stringMatching(/^\/sites\/[^/]+\/lists\?\$select=id(%2C|,)name(%2C|,)displayName(%2C|,)system$/),
      expect.stringMatching(new RegExp(`/lists/[0-9a-f-]+/items/${anna}\\?\\$expand=fields\\(\\$select=Title,Name,EMail,UserName,ContentType\\)$`)),
    ]);
  });

  it('asks Graph for each person once a day: none for a person known, one $batch for several new ones', async () => {
    const anna = fake.addUser('Anna Berg');
    const bo = fake.addUser('Bo Ek');
    const cecilia = fake.addUser('Cecilia Holm');
    await directory.mentionable([anna]);
    fake.resetLog();
    expect((await directory.mentionable([anna, anna])).get(anna)?.name).toBe('Anna Berg');
    expect(fake.graphRequests()).toHaveLength(0);

    const found = await directory.mentionable([anna, bo, cecilia]);
    expect([...found.keys()].sort()).toEqual([anna, bo, cecilia].sort());
    expect(paths()).toEqual(['/$batch']);
    expect(fake.batchedRequests.map((request) => request.path.replace(/\?.*$/, '').split('/').at(-1))).toEqual([bo, cecilia]);

    clock.set(new Date(clock.now().getTime() + PERSON_TTL_MS + 1));
    fake.resetLog();
    await directory.mentionable([anna]);
    expect(fake.graphRequests()).toHaveLength(1);
  });

  it('leaves out a person removed from the site, a group and a person with no address, each with one log line, and asks again only the next day', async () => {
    const gone = fake.addUser('Gustav Borttagen');
    fake.removeUser(gone);
    const group = fake.addGroup('Fredagsgruppen');
    const guest = fake.addUser('Gäst Utan Konto', '', { upn: null });
    const found = await directory.mentionable([gone, group, guest]);
    expect(found.size).toBe(0);
    expect(lines.map((line) => line.msg)).toEqual([
      `cannot mention person ${gone}: no longer in the site user list (removed from the site); the cards show the name only`,
      `cannot mention person ${group} of the site user list: it is a DomainGroup, not a person; the cards show the name only`,
      `cannot mention person ${guest} of the site user list: the user list gives no principal name or e-mail address for it; the cards show the name only`,
    ]);
    fake.resetLog();
    await directory.mentionable([gone, group, guest]);
    expect(fake.graphRequests()).toHaveLength(0);
  });

  it('on a 403 names nobody, says so once in English, and tries again after a quarter of an hour', async () => {
    const anna = fake.addUser('Anna Berg');
    fake.fail({ status: 403, match: /\/items\/\d+$/ });
    expect((await directory.mentionable([anna])).size).toBe(0);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: `cannot mention person ${anna}: the site user list could not be read; the cards show the name only`,
        fields: expect.objectContaining({ status: 403 }),
      }),
    ]);
    fake.resetLog();
    expect((await directory.mentionable([anna])).size).toBe(0);
    expect(fake.graphRequests()).toHaveLength(0);
    clock.set(new Date(clock.now().getTime() + FAILURE_TTL_MS + 1));
    expect((await directory.mentionable([anna])).get(anna)?.id).toBe('anna.berg@contoso.onmicrosoft.com');
  });

  it('never throws: with no access to the site at all the cards name people without a mention', async () => {
    const anna = fake.addUser('Anna Berg');
    fake.setAccess('none');
    await expect(directory.mentionable([anna])).resolves.toEqual(new Map());
    expect(lines.at(-1)).toEqual(
      expect.objectContaining({ level: 'warn', msg: 'cannot read the site user list: the cards name these people without a mention' }),
    );
  });

  it('ignores ids that are not lookup ids, and asks nothing for none', async () => {
    expect((await directory.mentionable(['', 'x; DROP', '../1'])).size).toBe(0);
    expect(fake.graphRequests()).toHaveLength(0);
  });
});

describe('the mention of a user-list entry', () => {
  it('prefers the login claim, then UserName, then EMail; a group or an entry with no address has none', () => {
    expect(mentionOf({ Title: 'Anna', Name: 'i:0#.f|membership|anna@x.se', UserName: 'a@y.se', EMail: 'a@z.se', ContentType: 'Person' })).toEqual({
      target: { id: 'anna@x.se', name: 'Anna' },
    });
    expect(mentionOf({ Title: 'Anna', Name: 'Anna', UserName: 'a@y.se', EMail: 'a@z.se' })).toEqual({ target: { id: 'a@y.se', name: 'Anna' } });
    expect(mentionOf({ Title: 'Anna', EMail: 'a@z.se' })).toEqual({ target: { id: 'a@z.se', name: 'Anna' } });
    expect(mentionOf({ Title: 'Alla', Name: 'c:0-.f|rolemanager|spo-grid-all-users/abc', ContentType: 'SharePointGroup' })).toEqual({
      reason: 'it is a SharePointGroup, not a person',
    });
    expect(mentionOf({ Title: 'Gäst', Name: 'Gäst', EMail: '' })).toEqual({ reason: 'the user list gives no principal name or e-mail address for it' });
  });
});
