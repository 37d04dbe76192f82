import { contentEtag } from '../../../src/snapshot/content-etag';

describe('contentEtag', () => {
  it('is a strong, quoted tag that only the content decides', () => {
    const tag = contentEtag({ a: 1, b: ['x'] });
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(contentEtag({ a: 1, b: ['x'] })).toBe(tag);
    expect(contentEtag({ a: 1, b: ['y'] })).not.toBe(tag);
  });
});
