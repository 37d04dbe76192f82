/**
 * The Teams SDK seam: the connection the rest of the bot uses (`createBotConnection`), and the
 * App, channel-token check, outgoing tokens, retries and Messenger behind it. Only this folder
 * and bot/handler import the Teams SDK (checked by dependency-cruiser).
 */
export { createTeamsApp, MESSAGES_PATH, type BotFrameworkEndpoints, type TeamsAppOptions } from './teams-app';
export { ChannelTokenValidator, ChannelTokenError, PUBLIC_CHANNEL_ISSUER, type ChannelTokenIssuer } from './channel-token';
export { TeamsMessenger } from './messenger';
export { cardAttachment, cardMessage, ADAPTIVE_CARD } from './card-message';
export { classifyDeliveryError, type DeliveryFailure } from './delivery-errors';
export { createMessagesRouter } from './messages-route';
export { boundedRetryPolicy, backoffMs, retryAfterMs, DEFAULT_RETRY, type RetryHooks, type RetryOptions } from './retry-policy';
export { createBotConnection, createMessenger } from './connection';
