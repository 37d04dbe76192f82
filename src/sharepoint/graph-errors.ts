/**
 * Graph failures as `SourceError`s with a stable code, the HTTP status, and a message an admin
 * can act on (which permission, which setting, which site or list).
 */
import { GraphError } from '@microsoft/microsoft-graph-client';
import { SourceError } from '../errors';

/** What was being done, so the message can name it. */
export interface ErrorContext {
  /** e.g. `the site https://contoso.sharepoint.com/sites/svom` or `the list "Balanslista SVOM"`. */
  target?: string;
  /** Reading or writing (a 403 on a write names write access). */
  write?: boolean;
}

function graphDetail(error: GraphError): string {
  const code = error.code ? `${error.code}: ` : '';
  return `${error.statusCode} ${code}${error.message || 'no message'}`;
}

/** Maps anything thrown by a Graph call to a `SourceError`. */
export function toSourceError(error: unknown, context: ErrorContext = {}): SourceError {
  if (error instanceof SourceError) return error;
  const target = context.target ?? 'the SharePoint lists';
  if (!(error instanceof GraphError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new SourceError('graph-error', `Microsoft Graph call for ${target} failed: ${message}`, null, { cause: error });
  }
  const status = error.statusCode;
  const detail = graphDetail(error);
  const transport = /^GraphTransportError:(\w+)$/.exec(error.code ?? '')?.[1];
  if (status === -1 || transport) {
    if (transport === 'auth')
      return new SourceError(
        'auth',
        `${error.message}. Check AZURE_TENANT_ID, AZURE_CLIENT_ID and the client secret or certificate of the app registration.`,
        401,
        { cause: error },
      );
    if (transport === 'throttled') return new SourceError('throttled', `${error.message}.`, 429, { cause: error });
    return new SourceError('network', `${error.message}. Check GRAPH_BASE_URL and the server's outbound network (proxy, firewall, DNS).`, null, {
      cause: error,
    });
  }
  switch (status) {
    case 400:
      return new SourceError('bad-request', `Microsoft Graph rejected the request for ${target} (${detail}).`, 400, { cause: error });
    case 401:
      return new SourceError(
        'unauthorized',
        `Microsoft Graph did not accept the app's token for ${target} (${detail}). Check that AZURE_TENANT_ID is the tenant of the SharePoint site and that GRAPH_BASE_URL and AZURE_AUTHORITY_HOST belong to the same cloud.`,
        401,
        { cause: error },
      );
    case 403:
      return new SourceError(
        'forbidden',
        `Access to ${target} was denied (${detail}). The app needs the Microsoft Graph application permission Sites.Selected with admin consent, and ${context.write ? 'write' : 'read'} access granted to the app on the forum's site (a site permission for AZURE_CLIENT_ID).`,
        403,
        { cause: error },
      );
    case 404:
      return new SourceError('not-found', `${target.charAt(0).toUpperCase()}${target.slice(1)} was not found (${detail}).`, 404, { cause: error });
    case 410:
      return new SourceError('resync-required', `The delta token for ${target} has expired (${detail}); a full read is needed.`, 410, { cause: error });
    case 412:
      return new SourceError('conflict', `Someone changed ${target} since it was read (${detail}); read it again and retry.`, 412, { cause: error });
    case 429:
      return new SourceError('throttled', `Microsoft Graph is throttling the app (${detail}); it will be read again later.`, 429, { cause: error });
    case 503:
    case 504:
      return new SourceError('unavailable', `Microsoft Graph or SharePoint is unavailable (${detail}); it will be read again later.`, status, { cause: error });
    default:
      return new SourceError('graph-error', `Microsoft Graph failed for ${target} (${detail}).`, status, { cause: error });
  }
}
