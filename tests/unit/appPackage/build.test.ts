import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { buildAppPackage, PackageError, stableGuid } from '../../../scripts/lib/app-package/build';

const APP_PACKAGE = join(__dirname, '..', '..', '..', 'appPackage');

const DEV_VALUES = {
  TEAMS_APP_ID: '0f6a2e1c-3b7d-4c2a-9e51-7a8b9c0d1e2f',
  BOT_ID: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  AZURE_CLIENT_ID: '9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b',
  APP_DOMAIN: 'balanslistan-dev.azurewebsites.net',
  APP_ENDPOINT: 'https://balanslistan-dev.azurewebsites.net',
  APP_NAME_SUFFIX: ' (dev)',
  DEVELOPER_NAME: 'Region Jämtland Härjedalen',
  DEVELOPER_WEBSITE_URL: 'https://www.regionjh.se',
  PRIVACY_URL: 'https://www.regionjh.se',
  TERMS_OF_USE_URL: 'https://www.regionjh.se',
};

interface BuiltManifest {
  manifestVersion: string;
  id: string;
  name: { short: string };
  description: { short: string };
  bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
  configurableTabs: Array<{ configurationUrl: string; scopes: string[]; context: string[] }>;
  staticTabs: Array<Record<string, unknown>>;
  validDomains: string[];
  webApplicationInfo: unknown;
  authorization: unknown;
  localizationInfo: unknown;
}

/** The parts of the template that tests break on purpose. */
interface Template {
  [key: string]: unknown;
  $schema: string;
  manifestVersion: string;
  validDomains: string[];
  accentColor: string;
  icons: { color?: string; outline?: string };
  bots: Array<{ commandLists: Array<{ commands: unknown[] }> }>;
}

let work: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'app-package-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A copy of appPackage/ whose manifest template is changed by `edit`. */
function brokenCopy(edit: (manifest: Template) => void): string {
  const dir = join(work, 'appPackage');
  cpSync(APP_PACKAGE, dir, { recursive: true, filter: (source) => !source.includes(`${join('appPackage', 'build')}`) });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  edit(manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/**
 * A second opinion from the library's own validator (AppManifestUtils), run in plain Node
 * because the package loads an ES module that jest's CommonJS runtime cannot.
 */
function libraryProblems(manifestPath: string): string[] {
  const script =
    "const { AppManifestUtils } = require('@microsoft/app-manifest');" +
    "const manifest = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));" +
    'AppManifestUtils.validateAgainstSchema(manifest).then((errors) => process.stdout.write(JSON.stringify(errors)));';
  const run = spawnSync(process.execPath, ['-e', script, manifestPath], { cwd: join(__dirname, '..', '..', '..'), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[];
}

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PackageError) return error.problems;
    throw error;
  }
  throw new Error('expected the build to fail');
}

describe('the app package', () => {
  it('builds a zip whose manifest is valid against the bundled schema, with every placeholder filled', async () => {
    const result = await buildAppPackage({ appPackageDir: APP_PACKAGE, outDir: work, envName: 'dev', values: DEV_VALUES });

    expect(result.zipPath).toBe(join(work, 'appPackage.dev.zip'));
    const zip = await JSZip.loadAsync(readFileSync(result.zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png', 'sv.json']);

    const text = await zip.file('manifest.json')!.async('string');
    expect(text).not.toContain('${{');
    const manifest = JSON.parse(text) as BuiltManifest;
    expect(JSON.parse(readFileSync(result.manifestPath, 'utf8'))).toEqual(manifest);
    // A second opinion: the library's own validator, on the same bundled schema.
    expect(libraryProblems(result.manifestPath)).toEqual([]);

    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.id).toBe(DEV_VALUES.TEAMS_APP_ID);
    expect(manifest.bots[0]?.botId).toBe(DEV_VALUES.BOT_ID);
    expect(manifest.bots[0]?.scopes).toEqual(['team', 'personal']);
    const teamCommands = manifest.bots[0]?.commandLists.find((list) => list.scopes.includes('team'))?.commands.map((c) => c.title);
    expect(teamCommands).toEqual(['möten', 'avtal', 'posta här', 'hjälp']);
    expect(manifest.configurableTabs[0]?.configurationUrl).toBe('https://balanslistan-dev.azurewebsites.net/config');
    // The tab in scheduled channel meetings: the side panel beside the call and the details tab.
    expect(manifest.configurableTabs[0]?.scopes).toContain('team');
    expect(manifest.configurableTabs[0]?.context).toEqual(expect.arrayContaining(['meetingSidePanel', 'meetingDetailsTab']));
    // Teams fills the user and tenant into the address, so a repeat visit can paint before teams-js answers.
    expect(manifest.staticTabs[0]).toMatchObject({
      contentUrl: 'https://balanslistan-dev.azurewebsites.net/tab?oid={user.id}&tid={user.tenant.id}',
      websiteUrl: 'https://balanslistan-dev.azurewebsites.net/tab',
      scopes: ['personal'],
    });
    expect(manifest.validDomains).toEqual(['balanslistan-dev.azurewebsites.net']);
    expect(manifest.webApplicationInfo).toEqual({
      id: DEV_VALUES.AZURE_CLIENT_ID,
      resource: `api://balanslistan-dev.azurewebsites.net/${DEV_VALUES.AZURE_CLIENT_ID}`,
    });
    // Resource-specific consent to read the meeting's basic details (its scheduled start), so the side
    // panel can find the meeting by its day: private meetings (chat) and channel meetings (team).
    expect(manifest.authorization).toEqual({
      permissions: {
        resourceSpecific: [
          { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
          { name: 'ChannelMeeting.ReadBasic.Group', type: 'Application' },
        ],
      },
    });
    expect(manifest.name.short).toBe('Balanslistan (dev)');
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'sv',
      defaultLanguageFile: 'sv.json',
      additionalLanguages: [{ languageTag: 'en', file: 'en.json' }],
    });

    const english = JSON.parse(await zip.file('en.json')!.async('string'));
    expect(english['name.short']).toBe('Balance list (dev)');
    expect(english['bots[0].commandLists[0].commands[0].title']).toBe('meetings');
    const swedish = JSON.parse(await zip.file('sv.json')!.async('string'));
    expect(swedish['name.short']).toBe(manifest.name.short);
    expect(swedish['description.short']).toBe(manifest.description.short);

    const color = PNG.sync.read(Buffer.from(await zip.file('color.png')!.async('uint8array')));
    expect([color.width, color.height]).toEqual([192, 192]);
  });

  it('gives the same bytes for the same inputs', async () => {
    const first = await buildAppPackage({ appPackageDir: APP_PACKAGE, outDir: join(work, 'a'), envName: 'dev', values: DEV_VALUES });
    const second = await buildAppPackage({ appPackageDir: APP_PACKAGE, outDir: join(work, 'b'), envName: 'dev', values: DEV_VALUES });
    expect(readFileSync(first.zipPath).equals(readFileSync(second.zipPath))).toBe(true);
  });

  it("fills the local environment's missing ids with stable placeholders, and says so", async () => {
    const result = await buildAppPackage({
      appPackageDir: APP_PACKAGE,
      outDir: work,
      envName: 'local',
      values: { ...DEV_VALUES, TEAMS_APP_ID: '', BOT_ID: undefined },
    });
    expect(result.manifest.id).toBe(stableGuid('TEAMS_APP_ID'));
    expect((result.manifest as unknown as BuiltManifest).bots[0]?.botId).toBe(stableGuid('BOT_ID'));
    expect(result.warnings.join(' ')).toMatch(/TEAMS_APP_ID, BOT_ID not set in env\/\.env\.local/);
  });

  it('names the variable a non-local environment is missing', async () => {
    const problems = await problemsOf(
      buildAppPackage({ appPackageDir: APP_PACKAGE, outDir: work, envName: 'dev', values: { ...DEV_VALUES, BOT_ID: undefined } }),
    );
    expect(problems).toEqual(['manifest.json: ${{BOT_ID}} has no value: set BOT_ID in env/.env.dev (or the environment)']);
  });

  it('names the ids and hosts a non-local env file leaves empty (a production app may have no name suffix)', async () => {
    const empty = { TEAMS_APP_ID: '', BOT_ID: '', APP_DOMAIN: '', APP_NAME_SUFFIX: '' };
    const problems = await problemsOf(buildAppPackage({ appPackageDir: APP_PACKAGE, outDir: work, envName: 'dev', values: { ...DEV_VALUES, ...empty } }));
    expect(problems.sort()).toEqual(
      ['TEAMS_APP_ID', 'APP_DOMAIN', 'BOT_ID']
        .map((name) => `manifest.json: \${{${name}}} has no value: set ${name} in env/.env.dev (or the environment)`)
        .sort(),
    );
  });

  it('fails on a bad GUID with the schema path and message', async () => {
    const problems = await problemsOf(
      buildAppPackage({ appPackageDir: APP_PACKAGE, outDir: work, envName: 'dev', values: { ...DEV_VALUES, TEAMS_APP_ID: 'svom-balanslista' } }),
    );
    expect(problems).toEqual(['manifest.json /id: must match pattern "^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$" [#/definitions/guid/pattern]']);
  });

  it('fails on a missing icon with the schema message', async () => {
    const dir = brokenCopy((manifest) => {
      delete manifest.icons.outline;
    });
    const problems = await problemsOf(buildAppPackage({ appPackageDir: dir, outDir: work, envName: 'dev', values: DEV_VALUES }));
    expect(problems).toEqual(["manifest.json /icons: must have required property 'outline' [#/properties/icons/required]"]);
  });

  it('fails when an icon file is missing from the folder', async () => {
    const dir = brokenCopy(() => undefined);
    unlinkSync(join(dir, 'outline.png'));
    const problems = await problemsOf(buildAppPackage({ appPackageDir: dir, outDir: work, envName: 'dev', values: DEV_VALUES }));
    expect(problems).toEqual(['manifest.json /icons/outline: file "outline.png" does not exist in appPackage/']);
  });

  it('fails on 17 valid domains under a schema that allows 16', async () => {
    const dir = brokenCopy((manifest) => {
      manifest.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.27/MicrosoftTeams.schema.json';
      manifest.manifestVersion = '1.27';
      manifest.validDomains = Array.from({ length: 17 }, (_, i) => `host${i}.example.se`);
    });
    const problems = await problemsOf(buildAppPackage({ appPackageDir: dir, outDir: work, envName: 'dev', values: DEV_VALUES }));
    expect(problems).toContain('manifest.json /validDomains: must NOT have more than 16 items [#/properties/validDomains/maxItems]');
  });

  it('fails on more valid domains than the current schema allows', async () => {
    const dir = brokenCopy((manifest) => {
      manifest.validDomains = Array.from({ length: 101 }, (_, i) => `host${i}.example.se`);
    });
    const problems = await problemsOf(buildAppPackage({ appPackageDir: dir, outDir: work, envName: 'dev', values: DEV_VALUES }));
    expect(problems).toEqual(['manifest.json /validDomains: must NOT have more than 100 items [#/properties/validDomains/maxItems]']);
  });

  it('reports every problem at once, including unknown properties', async () => {
    const dir = brokenCopy((manifest) => {
      manifest.accentColor = 'blue';
      manifest.botz = [];
    });
    const problems = await problemsOf(buildAppPackage({ appPackageDir: dir, outDir: work, envName: 'dev', values: DEV_VALUES }));
    expect(problems).toEqual(
      expect.arrayContaining([
        'manifest.json /: must NOT have additional properties ("botz") [#/additionalProperties]',
        'manifest.json /accentColor: must match pattern "^#[0-9a-fA-F]{6}$" [#/definitions/hexColor/pattern]',
      ]),
    );
  });

  it('fails when a localization file names a command the manifest does not have', async () => {
    const dir = brokenCopy((manifest) => {
      manifest.bots[0]?.commandLists[1]?.commands.pop();
    });
    const problems = await problemsOf(buildAppPackage({ appPackageDir: dir, outDir: work, envName: 'dev', values: DEV_VALUES }));
    expect(problems).toEqual(
      expect.arrayContaining([
        'sv.json: "bots[0].commandLists[1].commands[2].title" names nothing in manifest.json',
        'en.json: "bots[0].commandLists[1].commands[2].description" names nothing in manifest.json',
      ]),
    );
  });

  it('fails when the outline icon is not white on transparent', async () => {
    const dir = brokenCopy(() => undefined);
    const outline = PNG.sync.read(readFileSync(join(dir, 'outline.png')));
    outline.data.set([200, 30, 30, 255], 0); // a red, opaque corner pixel
    writeFileSync(join(dir, 'outline.png'), PNG.sync.write(outline));
    const problems = await problemsOf(buildAppPackage({ appPackageDir: dir, outDir: work, envName: 'dev', values: DEV_VALUES }));
    expect(problems).toEqual(['outline.png: must be white on transparent; 1 pixel(s) are not white']);
  });
});
