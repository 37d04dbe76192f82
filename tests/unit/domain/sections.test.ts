import { headingWithPeriod } from '../../../src/domain/sections';

describe('headingWithPeriod', () => {
  it.each([
    ['Mål 2024–2027', '2024-2027'],
    ['Mål 2024-2027', '2024–2027'],
    ['Mål 2024 — 2027', '2024-2027'],
    ['Mål (2024 − 2027)', '2024 – 2027'],
    ['Mål 2024‑2027', '2024-2027'],
  ])('keeps "%s" as written when it already carries the period "%s", whatever the dash', (name, periodText) => {
    expect(headingWithPeriod({ name, periodText })).toBe(name);
  });

  it('adds the period as written when the name lacks it', () => {
    expect(headingWithPeriod({ name: 'Prioriterade områden', periodText: '2024–2027' })).toBe('Prioriterade områden 2024–2027');
    expect(headingWithPeriod({ name: 'Mål 2019-2022', periodText: '2024-2027' })).toBe('Mål 2019-2022 2024-2027');
    expect(headingWithPeriod({ name: 'Digital samverkan', periodText: ' 2024 ' })).toBe('Digital samverkan 2024');
  });

  it('prints the name alone when there is no period', () => {
    expect(headingWithPeriod({ name: 'Avtal', periodText: '' })).toBe('Avtal');
  });
});
