/**
 * Where an unauthenticated bot may talk: without MicrosoftAppId nobody vouches for an activity's
 * `serviceUrl`, so the bot only answers (and posts to) service URLs on this machine, which is
 * where the Agents Playground runs.
 */
import { isLoopbackHost } from '../../src/loopback';

/** Whether `serviceUrl` is an http(s) URL whose host is this machine (localhost, 127.0.0.0/8, [::1]). */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  try {
    const url = new URL(serviceUrl);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}
