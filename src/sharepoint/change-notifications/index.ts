export {
  ALIVE_MS,
  ListSubscriptions,
  LIFETIME_MS,
  MAINTENANCE_MS,
  MARKER_POLL_MS,
  RENEW_BEFORE_MS,
  RETRY_FAILED_MS,
  subscriptionRequest,
  VERIFY_MS,
  type Answer,
  type ListSubscriptionDeps,
  type SiteLists,
} from './list-subscriptions';
export { RECORD_PREFIX, CHANGED_KEY, INSTANCE_PREFIX, newClientState, type InstanceHeartbeat, type SubscriptionRecord } from './records';
