/**
 * msal's network module on fetch, shared by every msal client of the app (app credentials, the
 * managed identity, on-behalf-of). It reports each exchange for counting, bounds each one in time,
 * remembers why the last request to an origin failed (msal replaces a network failure by its own
 * error without the cause), and lets a loopback `http://` authority (a test identity provider)
 * work although msal only accepts `https://` authorities: msal is given the https form, and
 * requests to that one loopback origin go out over http.
 */
import { LogLevel, type INetworkModule, type NetworkRequestOptions, type NetworkResponse, type NodeSystemOptions } from '@azure/msal-node';
import type { Logger } from '../logger';

/** One HTTP exchange with a token service; bytes are body bytes. Same shape as the Graph pipeline's. */
export interface TokenRequestInfo {
  method: string;
  url: string;
  status: number;
  requestBytes: number;
  responseBytes: number;
}

/** The default longest wait for one token-service answer. */
const TIMEOUT_MS = 10_000;

export class TokenNetwork implements INetworkModule {
  private readonly failures = new Map<string, string>();

  constructor(
    private readonly loopbackOrigin: string | null,
    private readonly onRequest: ((info: TokenRequestInfo) => void) | undefined,
  ) {}

  /** Why the last request to `url`'s origin failed without an HTTP answer, if it did ("connection refused"). */
  failureFor(url: string): string | null {
    return this.failures.get(new URL(this.target(url)).origin) ?? null;
  }

  private target(url: string): string {
    if (!this.loopbackOrigin) return url;
    const https = this.loopbackOrigin.replace(/^http:/, 'https:');
    return url.startsWith(https) ? `${this.loopbackOrigin}${url.slice(https.length)}` : url;
  }

  private async send<T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    const target = this.target(url);
    const origin = new URL(target).origin;
    let response: Response;
    let text: string;
    try {
      response = await fetch(target, {
        method,
        headers: options?.headers ?? {},
        ...(options?.body === undefined ? {} : { body: options.body }),
        // A token service that never answers must not hold a refresh or a tab request forever.
        signal: AbortSignal.timeout(timeout ?? TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      this.failures.set(origin, describeNetworkFailure(error));
      throw error;
    }
    this.failures.delete(origin);
    this.onRequest?.({
      method,
      url: target,
      status: response.status,
      requestBytes: Buffer.byteLength(options?.body ?? ''),
      responseBytes: Buffer.byteLength(text),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    let body: unknown = {};
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = {
          error: 'invalid_response',
          error_description: `The token service at ${new URL(target).host} answered ${response.status} with a body that is not JSON.`,
        };
      }
    }
    return { headers, body: body as T, status: response.status };
  }

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }
}

/** fetch's failure in words: "connection refused", "no answer within 10 s", "host not found". */
function describeNetworkFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${TIMEOUT_MS / 1000} s`;
  const code = (error as { cause?: { code?: unknown } })?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET') return 'connection reset';
  if (typeof code === 'string' && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return `TLS certificate not trusted (${code})`;
  const message =
    error instanceof Error
      ? (error as { cause?: unknown }).cause instanceof Error
        ? (error as { cause: Error }).cause.message
        : error.message
      : String(error);
  return message.split('\n')[0]?.slice(0, 160) ?? 'network failure';
}

/**
 * msal's log settings for every msal client of the app: no personal data, and its errors as one
 * warning line. msal warns on every client-credentials token ("No client info in response"), so
 * its warnings go to debug.
 */
export function msalLoggerOptions(log: Logger): NonNullable<NodeSystemOptions['loggerOptions']> {
  return {
    piiLoggingEnabled: false,
    logLevel: LogLevel.Warning,
    loggerCallback: (level, message) => {
      if (level <= LogLevel.Error) log.warn({ msal: message }, 'msal error');
      else log.debug({ msal: message }, 'msal warning');
    },
  };
}
