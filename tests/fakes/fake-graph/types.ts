/** Shapes shared by the fake Graph's parts. */
import type { IncomingHttpHeaders } from 'node:http';

/** Who called: the app (client credentials) or a user (on-behalf-of). */
export interface Principal {
  kind: 'app' | 'user';
  /** The user's name for on-behalf-of tokens; the client id for app tokens. */
  name: string;
  token: string;
  /** The application permissions of an app token. */
  roles?: readonly string[];
}

export interface FakeRequest {
  method: string;
  /** Path below the version segment, decoded, e.g. `/sites/contoso.sharepoint.com,…/lists`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders | Record<string, string>;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  /** Named segments of a string pattern (`/sites/:site` → `params.site`). */
  params: Record<string, string>;
  /** The caller, or null on unauthenticated routes. */
  principal: Principal | null;
  /** True for a request inside a `$batch`. */
  inBatch: boolean;
  /** The body's bytes as sent (file uploads); absent inside a `$batch`. */
  raw?: Buffer;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialised unless a string. */
  body?: unknown;
}

export type FakeHandler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;
