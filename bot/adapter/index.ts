/**
 * The botbuilder seam: the connection the rest of the bot uses (`createBotConnection`), and the
 * adapter, authentication, retries and Messenger behind it. Only this folder and bot/handler
 * import botbuilder (checked by dependency-cruiser).
 */
export { createCloudAdapter, type AdapterOptions } from './cloud-adapter';
export { createBotFrameworkAuthentication, authenticationOptions, type BotFrameworkEndpoints } from './authentication';
export { CloudMessenger, channelReference } from './messenger';
export { classifyDeliveryError, type DeliveryFailure } from './delivery-errors';
export { createMessagesRouter } from './messages-route';
export { boundedRetryPolicy, backoffMs, retryAfterMs, DEFAULT_RETRY, type RetryOptions } from './retry-policy';
export { postNew } from './post-new';
export { createBotConnection } from './connection';
