import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { placeholdersIn } from '../../../scripts/lib/app-package/template';
import { loadConfig } from '../../../src/config';
import { LISTS } from '../../../src/lists/schema';

const ROOT = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('deployment files agree with each other', () => {
  it('every manifest placeholder has a line in env/.env.dev and env/.env.local', () => {
    const used = new Set([
      ...placeholdersIn(read('appPackage/manifest.json')),
      ...placeholdersIn(read('appPackage/sv.json')),
      ...placeholdersIn(read('appPackage/en.json')),
    ]);
    for (const file of ['env/.env.dev', 'env/.env.local']) {
      const defined = Object.keys(parseEnv(read(file)));
      expect([file, [...used].filter((name) => !defined.includes(name))]).toEqual([file, []]);
    }
  });

  it('env/.env.local is local mode, and env/.env.dev with the tenant filled in is a valid SharePoint configuration', () => {
    expect(loadConfig(parseEnv(read('env/.env.local'))).mode).toBe('local');
    const dev = loadConfig({
      ...parseEnv(read('env/.env.dev')),
      AZURE_TENANT_ID: '8c2f4e1a-3b5d-4f6e-9a7b-1c2d3e4f5a6b',
      AZURE_CLIENT_ID: '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a',
      AZURE_CLIENT_SECRET: 'secret',
      SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/svom',
    });
    expect(dev.mode).toBe('sharepoint');
    expect(dev.sharePoint?.lists).toEqual({
      balance: 'Balanslista SVOM',
      meetings: 'Möten SVOM',
      errands: 'Ärenden SVOM',
      forum: 'Forum SVOM',
      sections: 'Avsnitt SVOM',
      actions: 'Uppdrag SVOM',
    });
  });

  it('the Bicep parameters file names only parameters the template declares, and sets every required one', () => {
    const bicep = read('infra/azure.bicep');
    const declared = [...bicep.matchAll(/^param (\w+) \w+( = .*)?$/gm)].map((match) => ({ name: match[1] as string, optional: match[2] !== undefined }));
    const given = Object.keys((JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, unknown> }).parameters);
    expect(given.filter((name) => !declared.some((param) => param.name === name))).toEqual([]);
    expect(declared.filter((param) => !param.optional && !given.includes(param.name)).map((param) => param.name)).toEqual([]);
  });

  it('docs/deployment.md documents every column of the import layout', () => {
    const readme = read('docs/deployment.md');
    const section = readme.slice(readme.indexOf('<!-- section:deployment'), readme.indexOf('<!-- /section:deployment -->'));
    for (const list of Object.values(LISTS)) {
      for (const column of list.columns) expect(section).toContain(`| ${column.displayName} | \`${column.name}\` |`);
    }
  });
});
