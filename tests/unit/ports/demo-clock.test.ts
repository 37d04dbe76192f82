import { demoClock, FixedClock } from '../../../src/ports/clock';

describe('demoClock (TODAY)', () => {
  it.each([
    // A Sunday evening in winter: 20:30:15 in Stockholm on the demo date.
    ['2026-11-29T19:30:15.250Z', '2022-12-01', '2022-12-01T19:30:15.250Z'],
    // Midday in summer (CEST) on a winter demo date (CET): the wall clock, not the UTC offset, carries over.
    ['2026-07-01T10:00:00.000Z', '2022-12-01', '2022-12-01T11:00:00.000Z'],
    // 00:05 in Stockholm (still the day before in UTC): 00:05 on the demo date, which is 23:05 UTC the day before it.
    ['2026-03-10T23:05:00.000Z', '2022-12-01', '2022-11-30T23:05:00.000Z'],
  ])('at real %s is %s at the same Stockholm time of day (%s)', (real, date, expected) => {
    expect(demoClock(date, new FixedClock(real)).now().toISOString()).toBe(expected);
  });

  it('moves with the real clock', () => {
    const real = new FixedClock('2026-11-29T08:00:00Z');
    const clock = demoClock('2022-12-01', real);
    const before = clock.now().getTime();
    real.advance(90_000);
    expect(clock.now().getTime() - before).toBe(90_000);
  });
});
