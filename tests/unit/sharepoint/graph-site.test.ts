import { listLookupPath, sitePathFromUrl } from '../../../src/sharepoint/site';

describe('sitePathFromUrl', () => {
  it.each([
    ['https://contoso.sharepoint.com/sites/svom', '/sites/contoso.sharepoint.com:/sites/svom'],
    ['https://contoso.sharepoint.com/sites/svom/', '/sites/contoso.sharepoint.com:/sites/svom'],
    ['https://contoso.sharepoint.com/sites/Vård och omsorg', '/sites/contoso.sharepoint.com:/sites/V%C3%A5rd%20och%20omsorg'],
    ['https://contoso.sharepoint.com/sites/V%C3%A5rd', '/sites/contoso.sharepoint.com:/sites/V%C3%A5rd'],
    ['https://contoso.sharepoint.com', '/sites/contoso.sharepoint.com'],
  ])('%s → %s', (url, path) => {
    expect(sitePathFromUrl(url)).toBe(path);
  });
});

describe('listLookupPath', () => {
  const site = 'contoso.sharepoint.com,a,b';

  it('addresses a list id directly', () => {
    expect(listLookupPath(site, '22E03EF3-6EF4-424D-A1D3-92A337807C30')).toBe(
      `/sites/${site}/lists/22E03EF3-6EF4-424D-A1D3-92A337807C30?$select=id,displayName,webUrl`,
    );
  });

  it('filters by display name, quoting OData and the URL', () => {
    const path = listLookupPath(site, "Möten & 'extra'");
    expect(path).toBe(`/sites/${site}/lists?$filter=${encodeURIComponent("displayName eq 'Möten & ''extra'''")}&$select=id,displayName,webUrl`);
    expect(decodeURIComponent(path)).toContain("displayName eq 'Möten & ''extra'''");
  });
});
