/**
 * The configuration as the command-line tools read it: on a problem the tool prints every
 * problem at once (Swedish, with English in brackets) and exits 2, before anything is read.
 */
import { loadConfig, type Config } from '../../src/config';
import { ConfigError } from '../../src/errors';

/** The configuration, or null after printing why there is none (the caller exits with 2). */
export function loadCliConfig(env: NodeJS.ProcessEnv | undefined, err: (text: string) => void): Config | null {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    err(formatConfigError(error, 'Konfigurationen är felaktig (configuration error):'));
    return null;
  }
}

/** A configuration error as a person reads it: `heading`, then every problem on a line of its own. */
export function formatConfigError(error: ConfigError, heading: string): string {
  const problems = error.problems.length > 0 ? error.problems : [error.message];
  return `${heading}\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n`;
}
