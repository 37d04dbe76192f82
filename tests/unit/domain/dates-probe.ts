/**
 * Run as a child process by dates-timezone.test.ts under a given `TZ`: prints the process's
 * own January offset and what the date functions answer, as JSON on one line.
 */
import { addDays, daysBetween, stockholmClockOf, stockholmDateFromInstant, stockholmDateOf, stockholmInstant } from '../../../src/domain/dates';

const answers = {
  processOffset: new Date(2022, 0, 15, 12).getTimezoneOffset(),
  winterDateOnly: stockholmDateFromInstant('2022-12-30T23:00:00Z'),
  summerDateOnly: stockholmDateFromInstant('2022-06-14T22:00:00Z'),
  newYear: stockholmDateOf(new Date('2022-12-31T23:00:00Z')),
  springInstant: stockholmInstant('2022-03-27', '03:00').toISOString(),
  springGap: stockholmInstant('2022-03-27', '02:30').toISOString(),
  autumnInstant: stockholmInstant('2022-10-30', '03:00').toISOString(),
  autumnRepeat: stockholmInstant('2022-10-30', '02:30').toISOString(),
  midnight: stockholmInstant('2022-12-31').toISOString(),
  clock: stockholmClockOf(new Date('2022-12-31T23:30:00Z')),
  addAcrossDst: addDays('2022-03-26', 1),
  addAcrossUsDst: addDays('2022-11-05', 2),
  between: daysBetween('2022-03-12', '2022-03-14'),
};
process.stdout.write(`${JSON.stringify(answers)}\n`);
