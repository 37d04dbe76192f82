import { cleanText } from '../../../src/report/text';

describe('cleanText', () => {
  it('drops control characters, C1 included, and keeps tab and line breaks as "\\n"', () => {
    expect(cleanText('rad ett\r\nrad två\rrad tre\n\tindrag')).toBe('rad ett\nrad två\nrad tre\n\tindrag');
    expect(cleanText('före\u0000\u0007\u000B\u000C\u001B[31m\u007Fefter')).toBe('före[31mefter');
    expect(cleanText('före\u0085\u009B31m\u009Fefter')).toBe('före31mefter');
  });

  it('drops what XML 1.0 forbids (U+FFFE, U+FFFF, unpaired surrogates) and keeps whole emoji', () => {
    expect(cleanText('a\uFFFEb\uFFFFc')).toBe('abc');
    expect(cleanText('a\uD800b\uDC00c')).toBe('abc');
    expect(cleanText('Äldre 👵 i Åre')).toBe('Äldre 👵 i Åre');
  });

  it('changes nothing else, spaces around the text included', () => {
    expect(cleanText('  Hälsa & vård <b> "citat" \u00A0')).toBe('  Hälsa & vård <b> "citat" \u00A0');
  });
});
