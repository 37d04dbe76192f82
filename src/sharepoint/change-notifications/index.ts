export {
  ListSubscriptions,
  LIFETIME_MS,
  MAINTENANCE_MS,
  MARKER_POLL_MS,
  RENEW_BEFORE_MS,
  VERIFY_MS,
  type Answer,
  type ListSubscriptionDeps,
  type SiteLists,
} from './list-subscriptions';
export { RECORD_PREFIX, CHANGED_KEY, INSTANCE_PREFIX, type SubscriptionRecord } from './records';
