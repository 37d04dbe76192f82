import { protectFormula, unprotectFormula } from '../../../src/import/csv-formula';

describe('the CSV formula guard', () => {
  const cases: Array<[string, string]> = [
    ['=1+1', "'=1+1"],
    ['+46 63 14 70 00', "'+46 63 14 70 00"],
    ['-5 grader', "'-5 grader"],
    ['@SUMMA(A1)', "'@SUMMA(A1)"],
    ['\tindrag', "'\tindrag"],
    ['\rrad', "'\rrad"],
    ["'=A1", "''=A1"],
    ["''+A1", "'''+A1"],
    ["'Citat'", "'Citat'"],
    ["'", "'"],
    ['', ''],
    ['Vanlig text = inget', 'Vanlig text = inget'],
  ];

  it.each(cases)('writes %j as %j and reads it back exactly', (value, written) => {
    expect(protectFormula(value)).toBe(written);
    expect(unprotectFormula(written)).toBe(value);
  });

  it('takes a hand-written guard quote off too, and leaves other quotes alone', () => {
    expect(unprotectFormula("'=SUMMA(A1:A3)")).toBe('=SUMMA(A1:A3)');
    expect(unprotectFormula("'text")).toBe("'text");
  });
});
