/** The botbuilder seam: adapter, authentication, retries and the Messenger. */
export { createCloudAdapter, type AdapterOptions } from './cloud-adapter';
export { createBotFrameworkAuthentication, authenticationOptions, type BotFrameworkEndpoints } from './authentication';
export { CloudMessenger, channelReference } from './messenger';
export { classifyDeliveryError, type DeliveryFailure } from './delivery-errors';
export { createMessagesRouter } from './messages-route';
export { boundedRetryPolicy, backoffMs, retryAfterMs, DEFAULT_RETRY, type RetryOptions } from './retry-policy';
export { postNew } from './post-new';
