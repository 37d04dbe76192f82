/**
 * The Stockholm conversions must not depend on the process time zone. Each case runs a probe in a
 * child process with another `TZ` (jest sandboxes `process.env`, so the zone cannot be switched in
 * this process) and checks that the child really ran in that zone.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const probe = path.join(__dirname, 'dates-probe.ts');

const expected = {
  winterDateOnly: '2022-12-31',
  summerDateOnly: '2022-06-15',
  newYear: '2023-01-01',
  springInstant: '2022-03-27T01:00:00.000Z',
  springGap: '2022-03-27T01:30:00.000Z',
  autumnInstant: '2022-10-30T02:00:00.000Z',
  autumnRepeat: '2022-10-30T00:30:00.000Z',
  midnight: '2022-12-30T23:00:00.000Z',
  clock: { date: '2023-01-01', time: '00:30', weekday: 7 },
  addAcrossDst: '2022-03-27',
  addAcrossUsDst: '2022-11-07',
  between: 2,
};

describe.each([
  ['America/Los_Angeles', 480],
  ['Pacific/Kiritimati', -840],
  ['Asia/Kolkata', -330],
  ['Europe/Stockholm', -60],
  ['UTC', 0],
])('with the process in %s', (zone, januaryOffset) => {
  it('gives the same Stockholm answers', async () => {
    const { stdout } = await run(tsx, [probe], { cwd: root, env: { ...process.env, TZ: zone } });
    const answers = JSON.parse(stdout.trim()) as Record<string, unknown>;
    expect(answers.processOffset).toBe(januaryOffset);
    expect(answers).toEqual({ processOffset: januaryOffset, ...expected });
  });
});
