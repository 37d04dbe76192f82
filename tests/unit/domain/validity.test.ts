import { parseValidity } from '../../../src/domain/validity';

describe('parseValidity: the forms in the 2022 balance list', () => {
  // The agreements table of "Balanslista SVOM 2022" gives exactly these validities.
  it.each([
    ['2021-2023', '2021-01-01', '2023-12-31'], // Länsöverenskommelse Riskbruk/Missbruk/Beroende
    ['2021-2023', '2021-01-01', '2023-12-31'], // Överenskommelse ... psykiska funktionsnedsättningar
    ['t.o.m. 2022-12-31', null, '2022-12-31'], // Samverkansavtal ... hemsjukvård och bilagor
    ['t.o.m. 2022-03-31', null, '2022-03-31'], // Avtal om samverkan vid in- och utskrivning från slutenvård
    ['', null, null], // Överenskommelse tandvård – uppsökande tandvård
  ])('%j → %s … %s, no problem', (text, from, to) => {
    expect(parseValidity(text)).toEqual({ validity: { text, from, to }, problem: null });
  });

  it('reads the spaced en dash the list uses in agreement names ("2021 – 2023")', () => {
    expect(parseValidity('2021 – 2023').validity).toEqual({ text: '2021 – 2023', from: '2021-01-01', to: '2023-12-31' });
  });
});

describe('parseValidity: the usual Swedish forms', () => {
  it.each([
    ['2021 - 2023', '2021-01-01', '2023-12-31'],
    ['2021–2023', '2021-01-01', '2023-12-31'],
    ['2021 — 2023', '2021-01-01', '2023-12-31'],
    ['2021 − 2023', '2021-01-01', '2023-12-31'],
    ['2021–23', '2021-01-01', '2023-12-31'],
    ['2022-2022', '2022-01-01', '2022-12-31'],
    ['2022', '2022-01-01', '2022-12-31'],
    ['2022-01-01 – 2023-12-31', '2022-01-01', '2023-12-31'],
    ['2022-01-01 - 2023-12-31', '2022-01-01', '2023-12-31'],
    ['2022-01-01–2023-12-31', '2022-01-01', '2023-12-31'],
    ['2022-01-01-2023-12-31', '2022-01-01', '2023-12-31'],
    ['2022-01-01 till 2023-12-31', '2022-01-01', '2023-12-31'],
    ['2022-01-01 t.o.m. 2023-12-31', '2022-01-01', '2023-12-31'],
    ['2022-07-01 – 2023', '2022-07-01', '2023-12-31'],
    ['t.o.m. 2022-12-31', null, '2022-12-31'],
    ['T.O.M. 2022-12-31', null, '2022-12-31'],
    ['t.o.m 2022-12-31', null, '2022-12-31'],
    ['t. o. m. 2022-12-31', null, '2022-12-31'],
    ['tom 2022-12-31', null, '2022-12-31'],
    ['t o m 2022-12-31', null, '2022-12-31'],
    ['till och med 2022-12-31', null, '2022-12-31'],
    ['Till och med 2024', null, '2024-12-31'],
    ['Gäller t.o.m. 2022-12-31', null, '2022-12-31'],
    ['Giltig: 2021-2023', '2021-01-01', '2023-12-31'],
    ['  t.o.m.\u00a02022-12-31. ', null, '2022-12-31'],
    ['fr.o.m. 2022-01-01', '2022-01-01', null],
    ['fr o m 2022-01-01', '2022-01-01', null],
    ['from 2022-01-01', '2022-01-01', null],
    ['från och med 2022-01-01', '2022-01-01', null],
    ['fr.o.m. 2022', '2022-01-01', null],
    ['fr.o.m. 2022-01-01 tills vidare', '2022-01-01', null],
    ['fr.o.m. 2022-01-01, tills vidare', '2022-01-01', null],
    ['fr.o.m. 2022-01-01 t.o.m. 2023-12-31', '2022-01-01', '2023-12-31'],
    ['fr.o.m. 2022-01-01 – 2023-12-31', '2022-01-01', '2023-12-31'],
    ['tills vidare', null, null],
    ['Tills vidare', null, null],
    ['tillsvidare', null, null],
    ['till vidare', null, null],
    ['löpande', null, null],
    ['Löpande', null, null],
    ['LÖPANDE', null, null],
    ['Gäller tills vidare', null, null],
  ])('%j → %s … %s', (text, from, to) => {
    const result = parseValidity(text);
    expect(result.problem).toBeNull();
    expect(result.validity).toEqual({ text, from, to });
  });

  it('keeps the text exactly as written', () => {
    expect(parseValidity('  2021 – 2023 ').validity.text).toBe('  2021 – 2023 ');
  });

  it('reads leap days and year ends', () => {
    expect(parseValidity('t.o.m. 2024-02-29').validity.to).toBe('2024-02-29');
    expect(parseValidity('2023-12-31 – 2024-01-01').validity).toMatchObject({ from: '2023-12-31', to: '2024-01-01' });
  });
});

describe('parseValidity: dates as a secretariat types them', () => {
  it.each([
    // Day first, with slashes or dots, the year last (and "31/12 2023" with a space).
    ['t.o.m. 31/12/2023', null, '2023-12-31'],
    ['t.o.m. 31.12.2023', null, '2023-12-31'],
    ['t.o.m. 31/12 2023', null, '2023-12-31'],
    ['t.o.m. 1.1.2023', null, '2023-01-01'],
    ['tom 29/2/2024', null, '2024-02-29'],
    ['fr.o.m. 1/7/2022', '2022-07-01', null],
    ['1/1/2022 - 31/12/2023', '2022-01-01', '2023-12-31'],
    ['01.01.2022–31.12.2023', '2022-01-01', '2023-12-31'],
    ['1.1.2022 till 31.12.2023', '2022-01-01', '2023-12-31'],
    ['1/1 – 31/12 2023', '2023-01-01', '2023-12-31'],
    ['1.1–31.12.2023', '2023-01-01', '2023-12-31'],
    // Year first with slashes or dots cannot be misread either.
    ['t.o.m. 2023/12/31', null, '2023-12-31'],
    ['2022.01.01 - 2023.12.31', '2022-01-01', '2023-12-31'],
    // Swedish month names, full and short, with or without a day.
    ['t.o.m. 31 dec 2023', null, '2023-12-31'],
    ['t.o.m. 31 december 2023', null, '2023-12-31'],
    ['T.o.m. 31 December 2023', null, '2023-12-31'],
    ['t.o.m. den 31 dec. 2023', null, '2023-12-31'],
    ['till och med 31:a mars 2023', null, '2023-03-31'],
    ['t.o.m. december 2023', null, '2023-12-31'],
    ['t.o.m. februari 2024', null, '2024-02-29'],
    ['t.o.m. sept 2023', null, '2023-09-30'],
    ['till 30 juni 2024', null, '2024-06-30'],
    ['Gäller till 2022-12-31', null, '2022-12-31'],
    ['fr.o.m. 1 juli 2022', '2022-07-01', null],
    ['från 1 jan 2022', '2022-01-01', null],
    ['från och med maj 2022', '2022-05-01', null],
    ['1 jan 2022 – 31 dec 2023', '2022-01-01', '2023-12-31'],
    ['1:a januari 2022 till 31:a december 2023', '2022-01-01', '2023-12-31'],
    ['jan 2022 - dec 2023', '2022-01-01', '2023-12-31'],
    ['januari–december 2023', '2023-01-01', '2023-12-31'],
    ['1 jan – 31 dec 2023', '2023-01-01', '2023-12-31'],
    ['1 okt 2022 - 30/9/2024', '2022-10-01', '2024-09-30'],
    ['fr.o.m. 1 jan 2022 t.o.m. 31 dec 2023', '2022-01-01', '2023-12-31'],
    // Other joiners: a double hyphen, dashes with or without spaces, "till", "t.o.m.".
    ['2021--2023', '2021-01-01', '2023-12-31'],
    ['2021 -- 2023', '2021-01-01', '2023-12-31'],
    ['2021 till 2023', '2021-01-01', '2023-12-31'],
    ['2021 t.o.m. 2023', '2021-01-01', '2023-12-31'],
    ['2021—2023', '2021-01-01', '2023-12-31'],
    ['2022-01-01--2023-12-31', '2022-01-01', '2023-12-31'],
    ['2022-01-01 -- 2023-12-31', '2022-01-01', '2023-12-31'],
    ['2022-01-01 — 2023-12-31', '2022-01-01', '2023-12-31'],
    ['2022-01-01—2023-12-31', '2022-01-01', '2023-12-31'],
    ['2022-01-01 tom 2023-12-31', '2022-01-01', '2023-12-31'],
    ['2022-01-01 till och med 2023-12-31', '2022-01-01', '2023-12-31'],
    // A start and "until further notice".
    ['2022-01-01 – tills vidare', '2022-01-01', null],
    ['1 jan 2022 - tillsvidare', '2022-01-01', null],
    ['fr.o.m. 2022-01-01 och tills vidare', '2022-01-01', null],
  ])('%j → %s … %s', (text, from, to) => {
    const result = parseValidity(text);
    expect(result.problem).toBeNull();
    expect(result.validity).toEqual({ text, from, to });
  });
});

describe('parseValidity: forms that would have to be guessed are refused', () => {
  it.each([
    ['t.o.m. 1.1.23', /has 2 digits, so the century would be a guess/],
    ['1.1.22 - 31.12.23', /has 2 digits/],
    ['t.o.m. 31 dec 23', /has 2 digits/],
    ['31/12/2023', /single date/],
    ['31.12.2023', /single date/],
    ['31 december 2023', /single date/],
    ['december 2023', /a month alone/],
    ['t.o.m. 31/12', /"31\/12" does not say which year/],
    ['t.o.m. 31 dec', /"31 dec" does not say which year/],
    ['1 jan 2023 – 31 dec', /"31 dec" does not say which year/],
    ['1 jul – 30 jun 2024', /ends \(2024-06-30\) before it starts \(2024-07-01\)/],
    ['t.o.m. 12/31/2023', /"12\/31\/2023" is not a real date/],
    ['t.o.m. 31/13/2023', /is not a real date/],
    ['t.o.m. 31 februari 2023', /"31 februari 2023" is not a real date/],
    ['t.o.m. 31-12-2023', /not a form/],
    ['22-12-31', /not a form/],
    ['t.o.m. 31 decembre 2023', /not a form/],
    ['2021 - - 2023', /not a form/],
    ['2021 --- 2023', /not a form/],
    ['2022-01-01 -', /not a form/],
    ['till', /not a form/],
  ])('%j → unparseable-validity (%s), no dates', (text, reason) => {
    const result = parseValidity(text);
    expect(result.validity).toEqual({ text, from: null, to: null });
    expect(result.problem?.code).toBe('unparseable-validity');
    expect(result.problem?.message).toMatch(reason);
  });
});

describe('parseValidity: hostile and broken input', () => {
  it.each([
    ['2023-2021', /ends \(2021-12-31\) before it starts \(2023-01-01\)/],
    ['2023-12-31 – 2023-01-01', /ends .* before it starts/],
    ['fr.o.m. 2023-01-01 t.o.m. 2022-12-31', /ends .* before it starts/],
    ['2023–21', /ends .* before it starts/],
    ['t.o.m. 2022-02-30', /"2022-02-30" is not a real date/],
    ['t.o.m. 2023-02-29', /"2023-02-29" is not a real date/],
    ['2022-13-01', /"2022-13-01" is not a real date/],
    ['2022-12-31', /single date/],
    ['löpande?', /not a form/],
    ['löpande avtal', /not a form/],
    ['tills vidare 2022', /not a form/],
    ['🙂', /not a form/],
    ['2021-2023 🙂', /not a form/],
    ['t.o.m. 🗓️', /not a form/],
    ['2021/2023', /not a form/],
    ['21-23', /not a form/],
    ['0000', /outside 1900–2199/],
    ['t.o.m. 9999-12-31', /outside 1900–2199/],
    ['1899-1901', /outside 1900–2199/],
    ['2022-12-31T23:00:00Z', /not a form/],
    ['<script>alert(1)</script>', /not a form/],
    ['t.o.m. 2022-12-31; DROP TABLE', /not a form/],
    ['2021-2023\n2024', /not a form/],
    ['\u0000', /not a form/],
    ['x'.repeat(10_000), /longer than 120 characters/],
    [`t.o.m. 2022-12-31${' '.repeat(200)}`, /longer than 120 characters/],
  ])('%j → unparseable-validity (%s), no dates', (text, reason) => {
    const result = parseValidity(text);
    expect(result.validity).toEqual({ text, from: null, to: null });
    expect(result.problem?.code).toBe('unparseable-validity');
    expect(result.problem?.message).toMatch(reason);
    expect(result.problem?.message).toMatch(/^Cannot read the validity "/);
  });

  it('quotes a long text shortened in the message, and never crashes on pathological repetition', () => {
    const text = `${'t.o.m. '.repeat(17)}2022`;
    const result = parseValidity(text);
    expect(result.problem?.code).toBe('unparseable-validity');
    expect(parseValidity('1'.repeat(5000)).problem?.message.length).toBeLessThan(400);
  });

  it('treats a value that is not a string as empty', () => {
    expect(parseValidity(undefined as unknown as string)).toEqual({ validity: { text: '', from: null, to: null }, problem: null });
    expect(parseValidity(2022 as unknown as string).validity.to).toBeNull();
  });
});

describe('parseValidity: the ValidFrom/ValidTo columns', () => {
  it('uses the columns when the text is empty', () => {
    expect(parseValidity('', { from: '2022-01-01', to: '2024-06-30' })).toEqual({
      validity: { text: '', from: '2022-01-01', to: '2024-06-30' },
      problem: null,
    });
  });

  it('fills the side the column leaves empty from the text', () => {
    expect(parseValidity('2021-2023', { from: null, to: null }).validity).toMatchObject({ from: '2021-01-01', to: '2023-12-31' });
    expect(parseValidity('t.o.m. 2022-12-31', { from: '2020-01-01', to: null })).toEqual({
      validity: { text: 't.o.m. 2022-12-31', from: '2020-01-01', to: '2022-12-31' },
      problem: null,
    });
  });

  it('is quiet when columns and text agree', () => {
    expect(parseValidity('2021-2023', { from: '2021-01-01', to: '2023-12-31' }).problem).toBeNull();
    expect(parseValidity('t.o.m. 2022-12-31', { from: null, to: '2022-12-31' }).problem).toBeNull();
  });

  it('lets the columns win and reports a validity-conflict when they contradict the text', () => {
    const result = parseValidity('2021-2023', { from: null, to: '2023-06-30' });
    expect(result.validity).toEqual({ text: '2021-2023', from: '2021-01-01', to: '2023-06-30' });
    expect(result.problem?.code).toBe('validity-conflict');
    expect(result.problem?.message).toContain('ValidTo is 2023-06-30 but the text ends on 2023-12-31');

    const both = parseValidity('2021-2023', { from: '2020-07-01', to: '2022-06-30' });
    expect(both.validity).toMatchObject({ from: '2020-07-01', to: '2022-06-30' });
    expect(both.problem?.message).toMatch(/ValidFrom is 2020-07-01 .*; ValidTo is 2022-06-30/);
  });

  it('reports an end date in the column against a text that says "tills vidare"', () => {
    const result = parseValidity('tills vidare', { from: null, to: '2025-12-31' });
    expect(result.validity.to).toBe('2025-12-31');
    expect(result.problem?.code).toBe('validity-conflict');
  });

  it('uses the columns but still reports a text that cannot be read', () => {
    const result = parseValidity('löpande?', { from: null, to: '2025-12-31' });
    expect(result.validity).toEqual({ text: 'löpande?', from: null, to: '2025-12-31' });
    expect(result.problem?.code).toBe('unparseable-validity');
  });

  it('reports columns that end before they start', () => {
    const result = parseValidity('', { from: '2024-01-01', to: '2023-12-31' });
    expect(result.validity).toMatchObject({ from: '2024-01-01', to: '2023-12-31' });
    expect(result.problem).toEqual({ code: 'validity-conflict', message: 'ValidTo (2023-12-31) is before ValidFrom (2024-01-01).' });
  });
});
