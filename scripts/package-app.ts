/**
 * `npm run package [-- --env dev]`: builds appPackage/build/appPackage.<env>.zip from the manifest
 * template, filling `${{NAME}}` from env/.env.<env>, env/.env.<env>.user and the environment
 * (the environment wins, as with the Agents Toolkit). Validates offline; exits 1 when invalid.
 */
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAppPackage, PackageError } from './lib/app-package/build';
import { readEnvFiles } from './lib/env-files';

const root = join(__dirname, '..');

async function main(): Promise<number> {
  const { values: args } = parseArgs({
    options: { env: { type: 'string', default: 'local' }, help: { type: 'boolean', short: 'h' } },
  });
  if (args.help) {
    console.log(
      'Usage: npm run package -- [--env local|dev|<name>]\n\nFills appPackage/manifest.json from env/.env.<name> (+ .user) and the environment,\nvalidates it against the bundled Teams schema and writes appPackage/build/appPackage.<name>.zip.',
    );
    return 0;
  }
  const envName = args.env ?? 'local';
  const envFiles = readEnvFiles(root, envName);
  console.log(
    `Packaging the Teams app for env "${envName}" (values from ${envFiles.files.length > 0 ? envFiles.files.join(', ') : 'no env file'} and the environment)`,
  );
  // The CLI is the entry point that hands the environment down; the builder never reads it.
  const values: Record<string, string | undefined> = { ...envFiles.values, ...process.env };
  try {
    const result = await buildAppPackage({ appPackageDir: join(root, 'appPackage'), envName, values });
    for (const warning of result.warnings) console.warn(`warning: ${warning}`);
    const name = result.manifest.name as { short?: string };
    console.log(`Manifest ${String(result.manifest.manifestVersion)} valid against the bundled schema; icons checked.`);
    console.log(`App "${name.short ?? ''}" id ${String(result.manifest.id)} version ${String(result.manifest.version)}`);
    for (const file of result.files) console.log(`  ${file.name.padEnd(16)} ${String(file.bytes).padStart(7)} bytes`);
    console.log(`Wrote ${relative(root, result.zipPath)} (${result.zipBytes} bytes) and ${relative(root, result.manifestPath)}`);
    return 0;
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Packaging failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
