/**
 * Graph's error bodies as the service sends them: `{ error: { code, message, innerError } }`.
 */
import { randomUUID } from 'node:crypto';
import type { FakeReply } from './types';

export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}, innerCode?: string): FakeReply {
  const requestId = randomUUID();
  return {
    status,
    headers: { 'request-id': requestId, 'client-request-id': requestId, ...headers },
    body: {
      error: {
        code,
        message,
        innerError: {
          ...(innerCode ? { code: innerCode } : {}),
          date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
          'request-id': requestId,
          'client-request-id': requestId,
        },
      },
    },
  };
}

export const errors = {
  throttled: (retryAfter: string | null) => graphError(429, 'TooManyRequests', 'Too many requests', retryAfter === null ? {} : { 'Retry-After': retryAfter }),
  unavailable: (status: number, retryAfter: string | null) =>
    graphError(
      status,
      status === 504 ? 'gatewayTimeout' : 'serviceNotAvailable',
      status === 504 ? 'The operation has timed out.' : 'The service is temporarily unavailable. Please try again later.',
      retryAfter === null ? {} : { 'Retry-After': retryAfter },
    ),
  resync: (location: string) =>
    graphError(
      410,
      'resyncRequired',
      "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.",
      { Location: location },
      'resyncChangesApplyDifferences',
    ),
  noToken: () => graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.'),
  badToken: () => graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.'),
  expiredToken: () => graphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'),
  accessDenied: () => graphError(403, 'accessDenied', 'Access denied'),
  siteNotFound: () => graphError(404, 'itemNotFound', 'Requested site could not be found'),
  listNotFound: () => graphError(404, 'itemNotFound', 'The specified list was not found'),
  itemNotFound: () => graphError(404, 'itemNotFound', 'Item not found'),
  badRequest: (message: string) => graphError(400, 'invalidRequest', message),
  preconditionFailed: (sent: string, current: string) =>
    graphError(412, 'preconditionFailed', `The request ETag value '${sent}' does not match the object's ETag value '${current}'.`),
  noRoute: (method: string, path: string) =>
    graphError(400, 'BadRequest', `Resource not found for the segment '${path.split('/').filter(Boolean).pop() ?? ''}' (${method}).`),
};
