/**
 * The HTTP client every Bot Connector client sends through, given to botbuilder with the public
 * `ConnectorClientOptions.httpClient` option (no reaching into the client's private pipeline).
 *
 * It runs our bounded retry (retry-policy.ts) around the SDK's default transport. The SDK keeps
 * its own retry step above this client, which would retry 5xx and network errors three more times
 * and wait out any Retry-After; so when our retries are spent on an answer that step would retry,
 * this client ends the call with a `ConnectorCallError` (not an Azure RestError, which the SDK
 * step would retry) carrying the status and the connector's error code. `classifyDeliveryError`
 * reads both, as it does from the SDK's own errors.
 */
import { toHttpHeadersLike, type CompatResponse, type RequestPolicy, type WebResourceLike } from '@azure/core-http-compat';
import { createDefaultHttpClient, createHttpHeaders, createPipelineRequest, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import type { PipelinePolicy } from './retry-policy';

/** A connector call that failed after our retries; `statusCode` 0 for a network failure. */
export class ConnectorCallError extends Error {
  override readonly name = 'ConnectorCallError';
  constructor(
    message: string,
    readonly statusCode: number,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Whether the SDK's default retry step would try this answer again (its throttling and exponential strategies). */
function sdkWouldRetry(response: PipelineResponse): boolean {
  const status = response.status;
  if (status === 429 || status === 503) {
    if (response.headers.get('retry-after') !== undefined) return true;
  }
  return status === 408 || (status >= 500 && status !== 501 && status !== 505);
}

/** The connector's `{ "error": { "code", "message" } }`, when the body has it. */
function connectorError(response: PipelineResponse): { code: string; message: string } {
  try {
    const body = JSON.parse(response.bodyAsText ?? '') as { error?: { code?: unknown; message?: unknown } };
    return {
      code: typeof body.error?.code === 'string' ? body.error.code : '',
      message: typeof body.error?.message === 'string' ? body.error.message : `HTTP ${response.status}`,
    };
  } catch {
    return { code: '', message: `HTTP ${response.status}` };
  }
}

function toPipelineRequest(resource: WebResourceLike): PipelineRequest {
  return createPipelineRequest({
    url: resource.url,
    method: resource.method,
    headers: createHttpHeaders(resource.headers.toJson({ preserveCase: true })),
    body: resource.body,
    timeout: resource.timeout,
    requestId: resource.requestId,
    abortSignal: resource.abortSignal,
    withCredentials: resource.withCredentials,
    disableKeepAlive: resource.keepAlive === false,
    streamResponseStatusCodes: resource.streamResponseStatusCodes,
    proxySettings: resource.proxySettings,
    // As botbuilder's own client does: an http service URL (the local playground) is allowed.
    allowInsecureConnection: resource.url.toLowerCase().startsWith('http:'),
  });
}

/** The `httpClient` for `ConnectorClientOptions`: `policy` around the default transport. */
export function retryingConnectorHttpClient(policy: PipelinePolicy): RequestPolicy {
  const transport = createDefaultHttpClient();
  return {
    async sendRequest(resource: WebResourceLike): Promise<CompatResponse> {
      const request = toPipelineRequest(resource);
      let response: PipelineResponse;
      try {
        response = (await policy.sendRequest(request, (attempt) => transport.sendRequest(attempt as PipelineRequest))) as PipelineResponse;
      } catch (error) {
        const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'REQUEST_SEND_ERROR';
        throw new ConnectorCallError(error instanceof Error ? error.message : String(error), 0, code, { cause: error });
      }
      if (sdkWouldRetry(response)) {
        const { code, message } = connectorError(response);
        throw new ConnectorCallError(message, response.status, code);
      }
      // Answered with the request botbuilder sent (not ours), so its client reads the answer as
      // the one to that operation (and throws its usual error for a 4xx).
      return {
        request: resource,
        status: response.status,
        headers: toHttpHeadersLike(response.headers),
        bodyAsText: response.bodyAsText ?? null,
        readableStreamBody: response.readableStreamBody,
      };
    },
  };
}
