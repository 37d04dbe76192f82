/**
 * What a Bot Connector failure means for the caller (see `DeliveryResult` in bot/contracts.ts).
 * The connector answers errors as `{ "error": { "code", "message" } }`; the Teams SDK's client
 * (axios) throws them with the answer in `response` (`status`, `data`); a network failure has only
 * `code` (ECONNREFUSED, …); a token that could not be had is a `BotTokenError` (`statusCode` 0).
 */
import type { DeliveryResult } from '../contracts';

export type DeliveryFailure = Exclude<DeliveryResult, { ok: true }>;

const RETRYABLE = new Set([412, 429, 502, 503, 504]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_SOCKET', 'REQUEST_SEND_ERROR']);

/** Status, connector error code and message of `error`, from an HTTP answer when there is one. */
function fieldsOf(error: unknown): { status: number; code: string; text: string } {
  const fields = (error ?? {}) as {
    statusCode?: unknown;
    code?: unknown;
    message?: unknown;
    response?: { status?: unknown; data?: { error?: { code?: unknown; message?: unknown } } };
  };
  const answered = fields.response && typeof fields.response.status === 'number' ? fields.response : null;
  if (answered) {
    const body = answered.data?.error;
    return {
      status: answered.status as number,
      code: typeof body?.code === 'string' ? body.code : '',
      text: typeof body?.message === 'string' ? body.message : `HTTP ${answered.status as number}`,
    };
  }
  return {
    status: typeof fields.statusCode === 'number' ? fields.statusCode : 0,
    code: typeof fields.code === 'string' ? fields.code : '',
    text: typeof fields.message === 'string' ? fields.message : String(error),
  };
}

export function classifyDeliveryError(error: unknown): DeliveryFailure {
  const { status, code, text } = fieldsOf(error);
  const plain = code && !text.includes(code) ? `${code}: ${text}` : text;
  // The connector's own 401 text ("Authorization has been denied") does not say whose authorization.
  const message =
    status === 401 ? `the Bot Connector refused the bot's token (401; check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId): ${plain}` : plain;
  if (status === 404 || (status === 403 && code === 'BotNotInConversationRoster')) return { ok: false, kind: 'gone', status, message };
  if (RETRYABLE.has(status) || (status === 0 && NETWORK_CODES.has(code))) return { ok: false, kind: 'retryable', status, message };
  return { ok: false, kind: 'failed', status, message };
}
