import { listLookupPath, sitePathFromUrl } from '../../../src/sharepoint/site';
import { COLUMNS_EXPAND } from '../../../src/sharepoint/list-columns';

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
      `/sites/${site}/lists/22E03EF3-6EF4-424D-A1D3-92A337807C30?$select=id,displayName,webUrl&$expand=${COLUMNS_EXPAND}`,
    );
  });

  it('filters by display name, quoting OData and the URL', () => {
    const path = listLookupPath(site, "Möten & 'extra'");
    expect(path).toBe(
      `/sites/${site}/lists?$filter=${encodeURIComponent("displayName eq 'Möten & ''extra'''")}&$select=id,displayName,webUrl&$expand=${COLUMNS_EXPAND}`,
    );
    expect(decodeURIComponent(path)).toContain("displayName eq 'Möten & ''extra'''");
  });

  it('leaves the columns out when asked (the fallback when Graph refuses their $expand)', () => {
    expect(listLookupPath(site, 'Balanslista SVOM', false)).toBe(
      `/sites/${site}/lists?$filter=${encodeURIComponent("displayName eq 'Balanslista SVOM'")}&$select=id,displayName,webUrl`,
    );
  });
});
