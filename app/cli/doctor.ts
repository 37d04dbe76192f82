/**
 * `npm run doctor -- [--env <name>] [--json] [--probe-subscriptions] [--verbose]`
 *
 * Checks, as the app itself, everything the app needs in the tenant and prints one line per
 * check: ok, or the problem with how to fix it. Exit codes: 0 all ok (warnings allowed); 1 at
 * least one problem; 2 the doctor could not run (bad arguments or configuration, or it failed).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { exitCodeOf, formatReport, reportJson } from '../../src/doctor/check';
import { createLogger } from '../../src/logger';
import { readEnvFiles } from '../../scripts/lib/env-files';
import { loadCliConfig } from './config';
import { runDoctor } from '../doctor';

export const USAGE = `Usage: npm run doctor -- [--env <name>] [--json] [--probe-subscriptions] [--verbose]

Checks the configuration, the Graph token and its permissions, the forum's site and every list
(columns, choices, delta), the bot's token and endpoint, the state store, the tab's address and
how the lists are kept fresh (on demand, or change notifications and their subscriptions), as the
app itself, and prints one line per check: ok, or the problem and how to fix it.

  --env <name>   Read env/.env.<name> and env/.env.<name>.user first (the environment wins), and
                 compare appPackage/build/manifest.<name>.json with the settings
  --json         Print the checks as JSON
  --probe-subscriptions
                 With CHANGE_NOTIFICATIONS=on: create a change-notification subscription on
                 the balance list and delete it at once. Graph validates it by calling
                 PUBLIC_URL, so run it while the app runs there
  --verbose      Show the logs on stderr
  --help         This text

Exit codes: 0 all ok, 1 problems found, 2 the doctor could not run.`;

export interface DoctorIo {
  out(text: string): void;
  err(text: string): void;
  /** The environment to configure from; default the process's own (read by src/config.ts). */
  env?: NodeJS.ProcessEnv;
  /** The folder with env/ and appPackage/ (default this checkout). */
  root?: string;
  /** Extra trusted CA certificates for the probes of PUBLIC_URL (tests). */
  ca?: string;
}

/** Runs the command; returns the exit code. */
export async function runDoctorCli(argv: string[], io: DoctorIo): Promise<number> {
  let args: {
    env?: string | undefined;
    json?: boolean | undefined;
    'probe-subscriptions'?: boolean | undefined;
    verbose?: boolean | undefined;
    help?: boolean | undefined;
  };
  try {
    ({ values: args } = parseArgs({
      args: argv,
      options: {
        env: { type: 'string' },
        json: { type: 'boolean' },
        'probe-subscriptions': { type: 'boolean' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`${error instanceof Error ? error.message.replace(/\. To specify[\s\S]*$/, '.') : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const root = io.root ?? join(__dirname, '..', '..');
  let fileValues: Record<string, string> = {};
  if (args.env) {
    try {
      const files = readEnvFiles(root, args.env);
      if (files.files.length === 0) {
        io.err(`No env/.env.${args.env} file: create it from env/.env.dev, or leave out --env.\n`);
        return 2;
      }
      fileValues = files.values;
    } catch (error) {
      io.err(`${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
  }
  const config = loadCliConfig({ ...fileValues, ...(io.env ?? process.env) }, io.err);
  if (config === null) return 2;
  const logger = createLogger(args.verbose ? config.logLevel : 'silent', pino.destination(2));
  try {
    const report = await runDoctor(config, {
      logger,
      envName: args.env ?? null,
      root,
      probeSubscriptions: args['probe-subscriptions'] ?? false,
      ...(io.ca ? { ca: io.ca } : {}),
    });
    io.out(args.json ? reportJson(report) : formatReport(report));
    return exitCodeOf(report);
  } catch (error) {
    io.err(`The doctor could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  runDoctorCli(process.argv.slice(2), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`The doctor could not run: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    });
}
