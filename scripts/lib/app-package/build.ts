/**
 * Builds the Teams app package: fills the manifest template and its localization files from the
 * environment, validates them offline against the bundled schema, checks the icons and writes
 * `appPackage.<env>.zip` (and the filled `manifest.<env>.json` beside it, for inspection).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { AppError } from '../../../src/errors';
import { checkIcon } from './icons';
import { formatSchemaProblem, validateLocalization, validateManifest } from './schema';
import { fillTemplate } from './template';

/** The package failed validation; `problems` has one readable line per problem. */
export class PackageError extends AppError {
  constructor(readonly problems: string[]) {
    super('invalid-package', `The app package is not valid:\n  - ${problems.join('\n  - ')}`);
  }
}

export interface BuildOptions {
  /** Folder with manifest.json, its localization files and icons. */
  appPackageDir: string;
  /** Where the zip goes (default `<appPackageDir>/build`). */
  outDir?: string;
  /** Environment name, used in the file names (`appPackage.dev.zip`). */
  envName: string;
  /** Placeholder values (environment files merged with the process environment). */
  values: Record<string, string | undefined>;
}

export interface BuildResult {
  zipPath: string;
  manifestPath: string;
  /** The files in the zip and their sizes in bytes. */
  files: Array<{ name: string; bytes: number }>;
  zipBytes: number;
  /** Things the admin should know, e.g. placeholder ids used for the local environment. */
  warnings: string[];
  manifest: Record<string, unknown>;
}

/** Ids that the `local` environment may leave empty until the toolkit (or the admin) sets them. */
const LOCAL_PLACEHOLDER_IDS = ['TEAMS_APP_ID', 'BOT_ID', 'AZURE_CLIENT_ID'];
const LOCAL_HOST_DEFAULTS: Record<string, string> = { APP_DOMAIN: 'localhost', APP_ENDPOINT: 'https://localhost:3978' };
/** Placeholders that may be empty on purpose (a production app has no name suffix). */
const MAY_BE_EMPTY = ['APP_NAME_SUFFIX'];

/** An empty line in env/.env.<env> is a value not filled in yet: it is reported by name, not as a schema error. */
function withoutEmpty(values: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(values).filter(([name, value]) => value !== '' || MAY_BE_EMPTY.includes(name)));
}

/** A stable GUID (UUID v5 layout) derived from `name`, so local packages are reproducible. */
export function stableGuid(name: string): string {
  const hash = createHash('sha1').update(`balanslistan-local:${name}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Fills the gaps the `local` environment is allowed to have, and says which it filled. */
function withLocalDefaults(values: Record<string, string | undefined>, warnings: string[]): Record<string, string | undefined> {
  const result = { ...values };
  const filled: string[] = [];
  for (const name of LOCAL_PLACEHOLDER_IDS) {
    if (!result[name]) {
      result[name] = stableGuid(name);
      filled.push(name);
    }
  }
  for (const [name, value] of Object.entries(LOCAL_HOST_DEFAULTS)) {
    if (!result[name]) {
      result[name] = value;
      filled.push(name);
    }
  }
  if (filled.length > 0) {
    warnings.push(
      `env "local": ${filled.join(', ')} not set in env/.env.local; used stable placeholders. The package validates, ` +
        'but to sideload it set the real ids (the toolkit\'s "provision local" writes them) and the tunnel\'s host.',
    );
  }
  return result;
}

/** Reads `path` inside a JSON document the way localization keys name it: `bots[0].commandLists[1].commands[2].title`. */
function hasPath(document: unknown, key: string): boolean {
  let node: unknown = document;
  for (const part of key.split('.')) {
    const match = /^([A-Za-z0-9_]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) return false;
    node = (node as Record<string, unknown> | null)?.[match[1] as string];
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) {
      node = Array.isArray(node) ? node[Number(index[1])] : undefined;
    }
    if (node === undefined) return false;
  }
  return true;
}

function parseJson(file: string, text: string, problems: string[]): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    problems.push(`${file}: must be a JSON object`);
  } catch (error) {
    problems.push(`${file}: is not valid JSON (${(error as Error).message})`);
  }
  return null;
}

/** A file that goes into the zip beside manifest.json. */
interface PackageFile {
  name: string;
  data: Buffer;
}

/** Fills manifest.json from `values` and validates it against the schema (when nothing is missing). */
function filledManifest(appPackageDir: string, envName: string, values: Record<string, string | undefined>, problems: string[]): Record<string, unknown> {
  const templatePath = join(appPackageDir, 'manifest.json');
  if (!existsSync(templatePath)) throw new PackageError([`manifest.json: not found in ${appPackageDir}`]);
  const filled = fillTemplate(readFileSync(templatePath, 'utf8'), values);
  for (const name of filled.missing) {
    problems.push(`manifest.json: \${{${name}}} has no value: set ${name} in env/.env.${envName} (or the environment)`);
  }
  const manifest = parseJson('manifest.json', filled.text, problems);
  if (!manifest) throw new PackageError(problems);
  if (filled.missing.length === 0) problems.push(...validateManifest(manifest).map(formatSchemaProblem));
  return manifest;
}

/** The colour and outline icons the manifest names, each checked for size and shape. */
function iconFiles(manifest: Record<string, unknown>, appPackageDir: string, problems: string[]): PackageFile[] {
  const icons = (manifest.icons ?? {}) as Record<string, unknown>;
  const files: PackageFile[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const name = icons[kind];
    if (typeof name !== 'string') continue; // the schema reported it
    const path = join(appPackageDir, name);
    if (!existsSync(path)) {
      problems.push(`manifest.json /icons/${kind}: file "${name}" does not exist in appPackage/`);
      continue;
    }
    const data = readFileSync(path);
    problems.push(...checkIcon(kind, name, data).map((problem) => `${problem.file}: ${problem.message}`));
    files.push({ name, data });
  }
  return files;
}

/** The localization files the manifest names: the default language's and the additional ones. */
function languageFilesOf(manifest: Record<string, unknown>): string[] {
  const localization = (manifest.localizationInfo ?? {}) as {
    defaultLanguageFile?: unknown;
    additionalLanguages?: Array<{ file?: unknown }>;
  };
  return [localization.defaultLanguageFile, ...(localization.additionalLanguages ?? []).map((language) => language.file)].filter(
    (file): file is string => typeof file === 'string',
  );
}

/**
 * One localization file, filled and validated against the schema of the manifest's version; its
 * keys must name something in the manifest. Null when it is missing or not JSON (reported).
 */
function localizationFile(
  name: string,
  manifest: Record<string, unknown>,
  context: { appPackageDir: string; envName: string; values: Record<string, string | undefined> },
  problems: string[],
): PackageFile | null {
  const path = join(context.appPackageDir, name);
  if (!existsSync(path)) {
    problems.push(`manifest.json /localizationInfo: file "${name}" does not exist in appPackage/`);
    return null;
  }
  const text = fillTemplate(readFileSync(path, 'utf8'), context.values);
  for (const missing of text.missing) problems.push(`${name}: \${{${missing}}} has no value: set ${missing} in env/.env.${context.envName}`);
  const content = parseJson(name, text.text, problems);
  if (!content) return null;
  const version = typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : null;
  if (version) {
    try {
      problems.push(...validateLocalization(content, version, name).map(formatSchemaProblem));
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  for (const key of Object.keys(content)) {
    if (key === '$schema' || /^(name|description)\./.test(key) || key.startsWith('[[')) continue;
    if (!hasPath(manifest, key)) problems.push(`${name}: "${key}" names nothing in manifest.json`);
  }
  return { name, data: Buffer.from(text.text) };
}

/** Zips the manifest and files reproducibly and writes the zip and the filled manifest to `outDir`. */
async function writePackage(
  outDir: string,
  envName: string,
  manifest: Record<string, unknown>,
  files: PackageFile[],
): Promise<Omit<BuildResult, 'warnings' | 'manifest'>> {
  const zip = new JSZip();
  // A fixed date makes the same inputs give the same zip, byte for byte.
  const date = new Date('2020-01-01T00:00:00Z');
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  zip.file('manifest.json', manifestText, { date });
  for (const file of files) zip.file(file.name, file.data, { date });
  const zipData = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });

  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${envName}.zip`);
  const manifestPath = join(outDir, `manifest.${envName}.json`);
  writeFileSync(zipPath, zipData);
  writeFileSync(manifestPath, manifestText);
  return {
    zipPath,
    manifestPath,
    files: [{ name: 'manifest.json', bytes: Buffer.byteLength(manifestText) }, ...files.map((file) => ({ name: file.name, bytes: file.data.length }))],
    zipBytes: zipData.length,
  };
}

/** Fills, validates and zips the app package. Throws `PackageError` listing every problem found. */
export async function buildAppPackage(options: BuildOptions): Promise<BuildResult> {
  const { appPackageDir, envName } = options;
  const warnings: string[] = [];
  const problems: string[] = [];
  const values = envName === 'local' ? withLocalDefaults(options.values, warnings) : withoutEmpty(options.values);

  const manifest = filledManifest(appPackageDir, envName, values, problems);
  const files = iconFiles(manifest, appPackageDir, problems);
  for (const name of languageFilesOf(manifest)) {
    const file = localizationFile(name, manifest, { appPackageDir, envName, values }, problems);
    if (file) files.push(file);
  }
  if (problems.length > 0) throw new PackageError(problems);

  const written = await writePackage(options.outDir ?? join(appPackageDir, 'build'), envName, manifest, files);
  return { ...written, warnings, manifest };
}
