/**
 * The bounded retry (retry-policy.ts) as a middleware of the Teams SDK's HTTP client
 * (`@microsoft/teams.common`'s `Client`, given to the App as `client.middlewares`), so every Bot
 * Connector call, proactive or in a turn, goes through it. The SDK has no retry of its own on
 * these calls, so the attempts counted here are all there are.
 *
 * The client is axios underneath: an answer that is not 2xx arrives as a thrown error carrying
 * the response. The middleware turns both into the status-and-headers answer the policy reads,
 * and after the last attempt gives the caller what axios gave (the answer, or the error).
 */
import type { PipelinePolicy } from './retry-policy';

/** What this middleware reads of an axios answer. */
interface HttpAnswer {
  status: number;
  headers?: Record<string, unknown> | { get?: unknown };
}

/** What this middleware reads of an axios error. */
interface HttpFailure {
  isAxiosError?: boolean;
  response?: HttpAnswer;
}

/** The parts of the SDK's middleware context this middleware reads. */
interface MiddlewareContext {
  config: { method?: string; url?: string; baseURL?: string };
}

/** The shape of `@microsoft/teams.common`'s `Middleware` (checked where it is given to the App). */
export interface ConnectorMiddleware {
  invoke<R>(context: MiddlewareContext, next: () => Promise<R>): Promise<R>;
}

/** The value of `name` in axios headers (a plain object or an AxiosHeaders), as a string. */
function headerOf(answer: HttpAnswer, name: string): string | undefined {
  const headers = answer.headers as Record<string, unknown> | undefined;
  const value = headers?.[name] ?? headers?.[name.toLowerCase()];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

const isHttpFailure = (error: unknown): error is HttpFailure & { response: HttpAnswer } =>
  typeof error === 'object' && error !== null && (error as HttpFailure).isAxiosError === true && typeof (error as HttpFailure).response?.status === 'number';

/** `policy` around each Bot Connector call. */
export function retryMiddleware(policy: PipelinePolicy): ConnectorMiddleware {
  return {
    async invoke<R>(context: MiddlewareContext, next: () => Promise<R>): Promise<R> {
      const request = { method: (context.config.method ?? 'GET').toUpperCase(), url: `${context.config.baseURL ?? ''}${context.config.url ?? ''}` };
      let last = { ok: false, error: new Error('no attempt made') } as { ok: true; value: R } | { ok: false; error: unknown };
      await policy.sendRequest(request, async () => {
        try {
          const value = await next();
          last = { ok: true, value };
          const answer = value as unknown as HttpAnswer;
          return { status: answer.status, headers: { get: (name: string) => headerOf(answer, name) } };
        } catch (error) {
          last = { ok: false, error };
          // An HTTP answer goes back to the policy (it may retry it); a network error is thrown to it as is.
          if (!isHttpFailure(error)) throw error;
          const answer = error.response;
          return { status: answer.status, headers: { get: (name: string) => headerOf(answer, name) } };
        }
      });
      if (last.ok) return last.value;
      throw last.error;
    },
  };
}
