/**
 * The botbuilder CloudAdapter, built once from the configuration.
 */
import { CloudAdapter } from 'botbuilder';
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

export function createCloudAdapter(options: AdapterOptions): CloudAdapter {
  const log = options.logger.child({ module: 'bot-connector' });
  const policy = boundedRetryPolicy(options.retry ?? DEFAULT_RETRY, {
    onRetry: (event) => log.info({ method: event.method, status: event.status, attempt: event.attempt, delayMs: event.delayMs }, 'connector call retried'),
  });
  return new CloudAdapter(createBotFrameworkAuthentication(options.bot, policy, options.endpoints));
}
