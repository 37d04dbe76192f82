import { eTagMatches, fieldsTag, formatETag, parseETag } from '../../../src/local/etag';

describe('local eTags', () => {
  it('hash the fields regardless of key order, and change with any value', () => {
    expect(fieldsTag({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(fieldsTag({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(fieldsTag({ a: 1 })).not.toBe(fieldsTag({ a: 2 }));
    expect(fieldsTag({ a: [1, 2] })).not.toBe(fieldsTag({ a: [2, 1] }));
  });

  it('look like SharePoint eTags and parse back', () => {
    const eTag = formatETag('0123456789abcdef', 3);
    expect(eTag).toBe('"0123456789abcdef,3"');
    expect(parseETag(eTag)).toEqual({ tag: '0123456789abcdef', version: 3 });
    expect(parseETag('"not-ours,1"')).toBeNull();
    expect(parseETag(undefined)).toBeNull();
  });

  it('match If-Match with or without quotes, or *', () => {
    const eTag = '"0123456789abcdef,3"';
    expect(eTagMatches(eTag, eTag)).toBe(true);
    expect(eTagMatches('0123456789abcdef,3', eTag)).toBe(true);
    expect(eTagMatches('*', eTag)).toBe(true);
    expect(eTagMatches('"0123456789abcdef,2"', eTag)).toBe(false);
  });
});
