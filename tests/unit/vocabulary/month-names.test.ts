import { LANGUAGES, monthName } from '../../../src/vocabulary';

describe('monthName', () => {
  it('names the months 1 to 12 in running text, in both languages', () => {
    expect([1, 4, 12].map((month) => monthName(month, 'sv'))).toEqual(['januari', 'april', 'december']);
    expect([1, 4, 12].map((month) => monthName(month, 'en'))).toEqual(['January', 'April', 'December']);
    for (const language of LANGUAGES) expect(new Set(Array.from({ length: 12 }, (_, index) => monthName(index + 1, language))).size).toBe(12);
  });

  it('is empty for a number that is not a month', () => {
    expect([0, 13, 1.5].map((month) => monthName(month, 'sv'))).toEqual(['', '', '']);
  });
});
