/** The app's credential with Entra ID: app-only and on-behalf-of tokens by secret, certificate or managed identity. */
export {
  createAppCredential,
  defaultScope,
  type AppCredential,
  type AppCredentialDeps,
  type AppCredentialOptions,
  type TokenRequestOptions,
} from './app-credential';
export { aadstsHint, CredentialError, type CredentialFailure, type CredentialStep } from './credential-error';
export { TOKEN_EXCHANGE_AUDIENCE } from './managed-identity';
export type { TokenRequestInfo } from './token-network';
