/**
 * Reads the Microsoft 365 Agents Toolkit environment files: `env/.env.<name>` (committed, no
 * secrets) and then `env/.env.<name>.user` (git-ignored secrets), the later file winning.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

export interface EnvFiles {
  /** Values from the files, in the order read (later files win). */
  values: Record<string, string>;
  /** The files that existed and were read. */
  files: string[];
}

/** Reads `env/.env.<envName>` and `env/.env.<envName>.user` under `root`; missing files are skipped. */
export function readEnvFiles(root: string, envName: string): EnvFiles {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(envName)) {
    throw new Error(`Environment name "${envName}" may only contain letters, digits and dashes (e.g. local, dev, prod)`);
  }
  const values: Record<string, string> = {};
  const files: string[] = [];
  for (const name of [`.env.${envName}`, `.env.${envName}.user`]) {
    const path = join(root, 'env', name);
    if (!existsSync(path)) continue;
    files.push(join('env', name));
    for (const [key, value] of Object.entries(parseEnv(readFileSync(path, 'utf8')))) {
      if (value !== undefined) values[key] = value;
    }
  }
  return { values, files };
}
