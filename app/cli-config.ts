/**
 * The configuration as the command-line tools read it: on a problem the tool prints every
 * problem at once (Swedish, with English in brackets) and exits 2, before anything is read.
 */
import { loadConfig, type Config } from '../src/config';
import { ConfigError } from '../src/errors';

/** The configuration, or null after printing why there is none (the caller exits with 2). */
export function loadCliConfig(env: NodeJS.ProcessEnv | undefined, err: (text: string) => void): Config | null {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const problems = error.problems.length > 0 ? error.problems : [error.message];
    err(`Konfigurationen är felaktig (configuration error):\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n`);
    return null;
  }
}
