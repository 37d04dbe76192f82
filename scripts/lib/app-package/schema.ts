/**
 * Offline validation of the Teams app manifest and its localization files against the JSON
 * schemas bundled in `@microsoft/app-manifest`, with ajv.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export interface SchemaProblem {
  /** The file the problem is in, e.g. `manifest.json`. */
  file: string;
  /** JSON pointer to the offending value in the file (`/validDomains`), or `/` for the root. */
  path: string;
  /** The schema's message, e.g. `must NOT have more than 16 items`. */
  message: string;
  /** Where in the schema the rule is, e.g. `#/properties/validDomains/maxItems`. */
  schemaPath: string;
}

const schemaRoot = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

/** The manifest versions whose schemas are bundled, e.g. `1.30`. */
export function bundledManifestVersions(): string[] {
  return ['1.22', '1.23', '1.24', '1.25', '1.26', '1.27', '1.28', '1.29', '1.30'].filter((version) =>
    existsSync(join(schemaRoot, `v${version}`, 'MicrosoftTeams.schema.json')),
  );
}

const cache = new Map<string, ValidateFunction>();

function compile(version: string, kind: 'manifest' | 'localization'): ValidateFunction {
  const key = `${version}/${kind}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const file = join(schemaRoot, `v${version}`, kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json');
  if (!existsSync(file)) {
    throw new Error(`No bundled schema for manifest version "${version}" in @microsoft/app-manifest (bundled: ${bundledManifestVersions().join(', ')})`);
  }
  // The schemas declare draft-04 but use nothing that differs from ajv's default draft;
  // `$schema` is dropped so ajv does not look for the draft-04 meta-schema.
  const { $schema: _ignored, ...schema } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // unicodeRegExp off: some bundled patterns (`\b]`) are not valid with the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  cache.set(key, validate);
  return validate;
}

function toProblems(file: string, errors: ErrorObject[] | null | undefined): SchemaProblem[] {
  return (errors ?? []).map((error) => {
    const extra =
      error.keyword === 'additionalProperties'
        ? ` ("${(error.params as { additionalProperty: string }).additionalProperty}")`
        : error.keyword === 'enum'
          ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})`
          : '';
    return { file, path: error.instancePath || '/', message: `${error.message ?? error.keyword}${extra}`, schemaPath: error.schemaPath };
  });
}

/** The schema version a manifest declares (`manifestVersion`), or an error message. */
export function declaredVersion(manifest: unknown): string | null {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  return typeof version === 'string' ? version : null;
}

/** Validates a filled manifest against the bundled schema of its `manifestVersion`. */
export function validateManifest(manifest: unknown, file = 'manifest.json'): SchemaProblem[] {
  const version = declaredVersion(manifest);
  if (!version) return [{ file, path: '/manifestVersion', message: 'must be a string such as "1.30"', schemaPath: '#/required' }];
  const validate = compile(version, 'manifest');
  return validate(manifest) ? [] : toProblems(file, validate.errors);
}

/** Validates a localization file against the bundled localization schema of `version`. */
export function validateLocalization(content: unknown, version: string, file: string): SchemaProblem[] {
  const validate = compile(version, 'localization');
  return validate(content) ? [] : toProblems(file, validate.errors);
}

/** One line per problem: `manifest.json /validDomains: must NOT have more than 16 items [#/properties/validDomains/maxItems]`. */
export function formatSchemaProblem(problem: SchemaProblem): string {
  return `${problem.file} ${problem.path}: ${problem.message} [${problem.schemaPath}]`;
}
