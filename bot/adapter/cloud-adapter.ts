/**
 * The botbuilder CloudAdapter, built once from the configuration.
 */
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { BotOptions } from '../../src/config';
import type { Logger } from '../../src/logger';
import { createBotFrameworkAuthentication, type BotFrameworkEndpoints } from './authentication';
import { DEFAULT_RETRY, boundedRetryPolicy, type RetryOptions } from './retry-policy';

export interface AdapterOptions {
  bot: BotOptions;
  logger: Logger;
  /** Test-only token endpoints (see BotFrameworkEndpoints). */
  endpoints?: BotFrameworkEndpoints;
  retry?: RetryOptions;
}

/**
 * CloudAdapter with its activity step opened to our endpoint. `CloudAdapter.process` reads the
 * raw request itself, writes library error text into the answer and logs with console; our
 * route (messages-route.ts) checks the activity first and answers itself, so it calls the step
 * after the parsing: `processActivity`, which botbuilder offers to subclasses.
 */
export class BalanceCloudAdapter extends CloudAdapter {
  /** Authenticates `activity` with `authorization` and runs `logic` for it; the invoke answer, if any. */
  handleActivity(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

export function createCloudAdapter(options: AdapterOptions): BalanceCloudAdapter {
  const log = options.logger.child({ module: 'bot-connector' });
  const policy = boundedRetryPolicy(options.retry ?? DEFAULT_RETRY, {
    onRetry: (event) => log.info({ method: event.method, status: event.status, attempt: event.attempt, delayMs: event.delayMs }, 'connector call retried'),
  });
  return new BalanceCloudAdapter(createBotFrameworkAuthentication(options.bot, policy, options.endpoints));
}
