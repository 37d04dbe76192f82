/**
 * The Teams SDK seam: the connection the rest of the bot uses (`createBotConnection`), and the
 * App, channel-token check, outgoing tokens, retries and Messenger behind it. Only this folder
 * and bot/handler import the Teams SDK (checked by dependency-cruiser).
 */
export type { BotFrameworkEndpoints } from './teams-app';
export { ChannelTokenValidator } from './channel-token';
export { cardMessage, ADAPTIVE_CARD } from './card-message';
export { classifyDeliveryError } from './delivery-errors';
export { boundedRetryPolicy, backoffMs, retryAfterMs, DEFAULT_RETRY, type RetryHooks, type RetryOptions } from './retry-policy';
export { createBotConnection, createMessenger } from './connection';
