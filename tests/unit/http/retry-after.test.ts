import { backoffDelayMs, parseRetryAfter, retryAfterHeader, withJitter } from '../../../src/http/retry-after';

describe('parseRetryAfter', () => {
  const now = Date.parse('2022-12-30T10:00:00Z');

  it.each([
    ['0', 0],
    ['1', 1000],
    ['120', 120_000],
    ['1.5', 1500],
    [' 7 ', 7000],
  ])('reads %p seconds', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it('reads an HTTP date, and a past date as no wait', () => {
    expect(parseRetryAfter('Fri, 30 Dec 2022 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 30 Dec 2022 09:00:00 GMT', now)).toBe(0);
  });

  it.each([null, undefined, '', 'soon', '-5', '1e3'])('gives null for %p', (header) => {
    expect(parseRetryAfter(header, now)).toBeNull();
  });

  it('finds the header in a batch answer whatever its case', () => {
    expect(retryAfterHeader({ 'retry-after': '3' })).toBe('3');
    expect(retryAfterHeader({ 'Retry-After': '4', 'Content-Type': 'application/json' })).toBe('4');
    expect(retryAfterHeader({})).toBeNull();
    expect(retryAfterHeader(undefined)).toBeNull();
  });
});

describe('backoffDelayMs', () => {
  it('doubles from the base and stops at the cap', () => {
    const backoff = { baseDelayMs: 1000, maxDelayMs: 30_000 };
    expect([0, 1, 2, 3, 4, 5, 20].map((attempt) => backoffDelayMs(attempt, backoff))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });
});

describe('withJitter', () => {
  it('multiplies by a factor drawn from the range', () => {
    expect(withJitter(2000, { min: 1, max: 1.2 }, () => 0)).toBe(2000);
    expect(withJitter(2000, { min: 1, max: 1.2 }, () => 0.5)).toBe(2200);
    expect(withJitter(1000, { min: 0.5, max: 1.5 }, () => 0)).toBe(500);
    expect(withJitter(1000, { min: 0.5, max: 1.5 }, () => 0.999)).toBe(1499);
  });
});
