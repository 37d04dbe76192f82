import { ChangeCoalescer } from '../../../src/snapshot';
import { SimulatedTime } from '../../fakes/simulated-time';

function setup() {
  const time = new SimulatedTime('2022-12-01T10:00:00Z');
  const runs: number[] = [];
  const start = time.now().getTime();
  const coalescer = new ChangeCoalescer(() => runs.push(time.now().getTime() - start), { clock: time, timers: time });
  return { time, runs, coalescer };
}

describe('ChangeCoalescer', () => {
  it('runs a signal alone at once, and once', async () => {
    const { time, runs, coalescer } = setup();
    coalescer.signal();
    expect(runs).toEqual([0]);
    await time.advance(60_000);
    expect(runs).toEqual([0]);
  });

  it('runs a burst of 100 signals in 10 s at most three times, the last after the burst', async () => {
    const { time, runs, coalescer } = setup();
    for (let n = 0; n < 100; n += 1) {
      coalescer.signal();
      await time.advance(100);
    }
    await time.advance(60_000);
    expect(runs.length).toBeLessThanOrEqual(3);
    expect(runs[0]).toBe(0);
    expect(runs.at(-1)).toBeGreaterThanOrEqual(9_900);
  });

  it('runs at least every 10 s while signals keep coming', async () => {
    const { time, runs, coalescer } = setup();
    for (let n = 0; n < 600; n += 1) {
      coalescer.signal();
      await time.advance(100);
    }
    const gaps = runs.slice(1).map((at, index) => at - (runs[index] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(10_000);
    coalescer.stop();
  });
});
