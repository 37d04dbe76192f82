import { isOpenableUrl } from '../../../../bot/cards/markdown';

describe('isOpenableUrl', () => {
  it('opens https anywhere, and http only on this machine', () => {
    expect(isOpenableUrl('https://contoso.sharepoint.com/sites/svom')).toBe(true);
    for (const local of ['http://localhost:3978/', 'http://127.0.0.1:3978/', 'http://[::1]:3978/', 'http://127.0.0.2/'])
      expect(isOpenableUrl(local)).toBe(true);
    for (const other of ['http://example.se/', 'http://10.0.0.1/', 'ftp://localhost/', 'javascript:alert(1)', 'inte en adress', '', null, undefined])
      expect(isOpenableUrl(other)).toBe(false);
  });
});
