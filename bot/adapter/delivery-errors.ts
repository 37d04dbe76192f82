/**
 * What a Bot Connector failure means for the caller (see `DeliveryResult` in bot/contracts.ts).
 * The connector answers errors as `{ "error": { "code", "message" } }`; botbuilder's client throws
 * them as a RestError with `statusCode` and `code`.
 */
import type { DeliveryResult } from '../contracts';

export type DeliveryFailure = Exclude<DeliveryResult, { ok: true }>;

const RETRYABLE = new Set([412, 429, 502, 503, 504]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_SOCKET', 'REQUEST_SEND_ERROR']);

export function classifyDeliveryError(error: unknown): DeliveryFailure {
  const fields = (error ?? {}) as { statusCode?: unknown; code?: unknown; message?: unknown };
  const status = typeof fields.statusCode === 'number' ? fields.statusCode : 0;
  const code = typeof fields.code === 'string' ? fields.code : '';
  const text = typeof fields.message === 'string' ? fields.message : String(error);
  const plain = code && !text.includes(code) ? `${code}: ${text}` : text;
  // The connector's own 401 text ("Authorization has been denied") does not say whose authorization.
  const message =
    status === 401 ? `the Bot Connector refused the bot's token (401; check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId): ${plain}` : plain;
  if (status === 404 || (status === 403 && code === 'BotNotInConversationRoster')) return { ok: false, kind: 'gone', status, message };
  if (RETRYABLE.has(status) || (status === 0 && NETWORK_CODES.has(code))) return { ok: false, kind: 'retryable', status, message };
  return { ok: false, kind: 'failed', status, message };
}
