/**
 * The fake Entra ID token service: the v2.0 token endpoint (client credentials with a secret or
 * a certificate assertion, and the on-behalf-of grant), OpenID discovery and instance discovery,
 * with Entra's error bodies. Tokens are opaque to callers and checked by the fake Graph.
 */
import { randomUUID } from 'node:crypto';
import { checkCertificateAssertion } from '../certificate-assertion';
import { checkFederatedAssertion, isFederatedAssertion, type FederatedTrust } from '../federated-trust';
import type { FakeReply, Principal } from './types';

export type OnBehalfOfDecision = { ok: true; user: string } | { ok: false; error: string; description: string };

/** Decides an on-behalf-of exchange: which user the incoming assertion stands for, or why not. */
export type OnBehalfOfHook = (assertion: string, scope: string) => OnBehalfOfDecision;

export interface IdentityOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** PEM certificate whose key signs client assertions (certificate credentials). */
  certificatePem: string | null;
  /** Federated identity credentials: assertions from these issuers are accepted instead of a certificate's. */
  federated: FederatedTrust[];
  tokenLifetimeSeconds: number;
  onBehalfOf: OnBehalfOfHook;
  now: () => Date;
  /** The application permissions (roles) of the app's tokens. */
  appRoles: string[];
}

/** Refusals of the token endpoint a test can switch on, with Entra's status, error and text for each code. */
export const REFUSALS = {
  7000215: [
    401,
    'invalid_client',
    'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
  ],
  7000222: [
    401,
    'invalid_client',
    'The provided client secret keys for app are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.',
  ],
  700016: [400, 'unauthorized_client', 'Application with the identifier was not found in the directory.'],
  7000229: [
    401,
    'invalid_client',
    'The client application is missing service principal in the tenant. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119',
  ],
  90002: [400, 'invalid_request', 'Tenant not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.'],
} as const satisfies Record<number, readonly [number, string, string]>;

export type RefusalCode = keyof typeof REFUSALS;

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Entra's error shape for token requests. */
function aadError(status: number, error: string, code: number, description: string): FakeReply {
  const traceId = randomUUID();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
      error_codes: [code],
      timestamp: new Date()
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d{3}Z$/, 'Z'),
      trace_id: traceId,
      correlation_id: randomUUID(),
    },
  };
}

export class FakeIdentity {
  private readonly tokens = new Map<string, { principal: Principal; expiresAt: number }>();
  /** Every token request: grant type and whether it succeeded. */
  readonly tokenRequests: Array<{ grantType: string; ok: boolean }> = [];
  private refusal: RefusalCode | null = null;
  constructor(private options: IdentityOptions) {}

  /** The roles the app's next tokens carry (an empty list: a token without application permissions, as before admin consent). */
  setAppRoles(roles: string[]): void {
    this.options = { ...this.options, appRoles: [...roles] };
  }

  get appRoles(): readonly string[] {
    return this.options.appRoles;
  }

  /** Client-credentials requests are refused with this AADSTS code until `null`. */
  refuse(code: RefusalCode | null): void {
    this.refusal = code;
  }

  setOnBehalfOf(hook: OnBehalfOfHook): void {
    this.options = { ...this.options, onBehalfOf: hook };
  }

  /** Makes every token issued so far invalid (Graph answers 401 until a new one is fetched). */
  expireTokens(): void {
    for (const entry of this.tokens.values()) entry.expiresAt = 0;
  }

  /** The caller behind a bearer token: a principal, or why it is refused. */
  check(authorization: string | undefined): Principal | 'missing' | 'invalid' | 'expired' {
    const match = /^Bearer (.+)$/i.exec(authorization ?? '');
    if (!match?.[1]) return 'missing';
    const entry = this.tokens.get(match[1]);
    if (!entry) return 'invalid';
    if (entry.expiresAt <= this.options.now().getTime()) return 'expired';
    return entry.principal;
  }

  openIdConfiguration(origin: string, tenant: string): FakeReply {
    const base = `${origin}/${tenant}`;
    return {
      status: 200,
      body: {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${origin}/${this.options.tenantId}/v2.0`,
        request_uri_parameter_supported: false,
        userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'tid', 'oid'],
        kerberos_endpoint: `${base}/kerberos`,
        tenant_region_scope: 'EU',
        cloud_instance_name: 'microsoftonline.com',
        cloud_graph_host_name: 'graph.windows.net',
        msgraph_host: 'graph.microsoft.com',
        rbac_url: 'https://pas.windows.net',
      },
    };
  }

  instanceDiscovery(host: string): FakeReply {
    return {
      status: 200,
      body: {
        tenant_discovery_endpoint: `https://${host}/${this.options.tenantId}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      },
    };
  }

  private async checkClient(form: URLSearchParams, tokenUrl: string): Promise<FakeReply | null> {
    const clientId = form.get('client_id');
    if (clientId !== this.options.clientId) {
      return aadError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId ?? ''}' was not found in the directory '${this.options.tenantId}'.`,
      );
    }
    const secret = form.get('client_secret');
    const assertion = form.get('client_assertion');
    if (secret !== null) {
      return secret === this.options.clientSecret
        ? null
        : aadError(
            401,
            'invalid_client',
            7000215,
            'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
          );
    }
    if (assertion !== null && isFederatedAssertion(assertion, this.options.clientId)) {
      const refusal = await checkFederatedAssertion(assertion, this.options.federated, this.options.now());
      return refusal ? aadError(refusal.status, refusal.error, refusal.code, refusal.description) : null;
    }
    if (assertion !== null) return this.checkAssertion(assertion, tokenUrl);
    return aadError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }

  private checkAssertion(assertion: string, tokenUrl: string): FakeReply | null {
    const refusal = checkCertificateAssertion(assertion, this.options.certificatePem, this.options.clientId, tokenUrl);
    return refusal ? aadError(401, 'invalid_client', refusal.code, refusal.description) : null;
  }

  private issue(principal: Omit<Principal, 'token'>, scope: string): FakeReply {
    const now = this.options.now().getTime();
    const lifetime = this.options.tokenLifetimeSeconds;
    const claims = {
      aud: scope.replace(/\/\.default$/, ''),
      iss: `https://sts.windows.net/${this.options.tenantId}/`,
      iat: Math.floor(now / 1000),
      nbf: Math.floor(now / 1000),
      exp: Math.floor(now / 1000) + lifetime,
      appid: this.options.clientId,
      tid: this.options.tenantId,
      // Entra leaves the roles claim out when the app has no consented application permission.
      ...(principal.kind === 'app'
        ? this.options.appRoles.length > 0
          ? { roles: [...this.options.appRoles] }
          : {}
        : { upn: principal.name, scp: 'Sites.Read.All' }),
      jti: randomUUID(),
    };
    const token = `${b64url({ typ: 'JWT', alg: 'none' })}.${b64url(claims)}.fake`;
    this.tokens.set(token, { principal: { ...principal, token }, expiresAt: now + lifetime * 1000 });
    return { status: 200, body: { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: token } };
  }

  /** POST /{tenant}/oauth2/v2.0/token */
  async token(tenant: string, form: URLSearchParams, tokenUrl: string): Promise<FakeReply> {
    const grantType = form.get('grant_type') ?? '';
    const reply = await this.tokenReply(tenant, grantType, form, tokenUrl);
    this.tokenRequests.push({ grantType, ok: reply.status === 200 });
    return reply;
  }

  private async tokenReply(tenant: string, grantType: string, form: URLSearchParams, tokenUrl: string): Promise<FakeReply> {
    if (tenant !== this.options.tenantId && tenant !== 'organizations') {
      return aadError(
        400,
        'invalid_request',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      );
    }
    const clientProblem = await this.checkClient(form, tokenUrl);
    if (clientProblem) return clientProblem;
    const scope = form.get('scope') ?? '';
    if (grantType === 'client_credentials') {
      if (this.refusal !== null) {
        const [status, error, description] = REFUSALS[this.refusal];
        return aadError(status, error, this.refusal, description);
      }
      if (!/\/\.default$/.test(scope))
        return aadError(
          400,
          'invalid_scope',
          1002012,
          `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
        );
      return this.issue({ kind: 'app', name: this.options.clientId, roles: [...this.options.appRoles] }, scope);
    }
    if (grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer' && form.get('requested_token_use') === 'on_behalf_of') {
      const decision = this.options.onBehalfOf(form.get('assertion') ?? '', scope);
      if (!decision.ok) return aadError(400, decision.error, 50013, decision.description);
      return this.issue({ kind: 'user', name: decision.user }, scope.split(' ')[0] ?? scope);
    }
    return aadError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);
  }
}
