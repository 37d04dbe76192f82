import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { placeholdersIn } from '../../../scripts/lib/app-package/template';
import { LISTS } from '../../../src/sharepoint/schema';

const ROOT = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('deployment files agree with each other', () => {
  it('every manifest placeholder has a line in env/.env.dev and env/.env.local', () => {
    const used = new Set([...placeholdersIn(read('appPackage/manifest.json')), ...placeholdersIn(read('appPackage/sv.json')), ...placeholdersIn(read('appPackage/en.json'))]);
    for (const file of ['env/.env.dev', 'env/.env.local']) {
      const defined = Object.keys(parseEnv(read(file)));
      expect([file, [...used].filter((name) => !defined.includes(name))]).toEqual([file, []]);
    }
  });

  it('the Bicep parameters file names only parameters the template declares, and sets every required one', () => {
    const bicep = read('infra/azure.bicep');
    const declared = [...bicep.matchAll(/^param (\w+) \w+( = .*)?$/gm)].map((match) => ({ name: match[1] as string, optional: match[2] !== undefined }));
    const given = Object.keys((JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, unknown> }).parameters);
    expect(given.filter((name) => !declared.some((param) => param.name === name))).toEqual([]);
    expect(declared.filter((param) => !param.optional && !given.includes(param.name)).map((param) => param.name)).toEqual([]);
  });

  it('the README deployment section documents every column of the import layout', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('<!-- section:deployment'), readme.indexOf('<!-- /section:deployment -->'));
    for (const list of Object.values(LISTS)) {
      for (const column of list.columns) expect(section).toContain(`| ${column.displayName} | \`${column.name}\` |`);
    }
  });
});
