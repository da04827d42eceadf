import type { PendingSignIn } from './session.repository';

export interface SignInSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes, e.g. `openid profile email`. */
  scopes: string;
  /** This service's callback, PUBLIC_URL/auth/callback. */
  redirectUri: string;
}

export interface SignInClient {
  /** From the issuer's discovery document: where its signing keys are (for bearer tokens). */
  jwksUri: string;
  /** A new sign-in: where to send the browser, and what to keep until the callback (state, nonce, PKCE verifier). */
  start(returnTo: string): Promise<{ url: string; pending: PendingSignIn }>;
  /** The verified ID token claims of a callback (code exchanged with the PKCE verifier; state and nonce checked). */
  finish(callbackUrl: URL, pending: PendingSignIn): Promise<Record<string, unknown>>;
  /** The issuer's logout page (RP-initiated logout), when it has one. */
  endSessionUrl(postLogoutRedirectUri: string): string | undefined;
}

export class SignInError extends Error {
  readonly code = 'SIGN_IN_FAILED';
}

/**
 * OpenID Connect sign-in with openid-client: discovery of the issuer at start (an issuer that cannot
 * be reached stops start-up with a message naming it), then the authorization code flow with PKCE
 * (S256), state and nonce. Plain http issuers are accepted only on loopback addresses (the local provider).
 */
export async function discoverSignIn(settings: SignInSettings): Promise<SignInClient> {
  const client = await import('openid-client');
  const issuerUrl = new URL(settings.issuer);
  const insecureAllowed = issuerUrl.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuerUrl.hostname);
  let config: Awaited<ReturnType<typeof client.discovery>>;
  try {
    config = await client.discovery(issuerUrl, settings.clientId, settings.clientSecret, undefined, insecureAllowed ? { execute: [client.allowInsecureRequests] } : undefined);
  } catch (error) {
    throw new SignInError(`OIDC_ISSUER ${settings.issuer}: its discovery document (/.well-known/openid-configuration) could not be read: ${(error as Error).message}`);
  }
  const metadata = config.serverMetadata();
  if (!metadata.jwks_uri) throw new SignInError(`OIDC_ISSUER ${settings.issuer}: its discovery document names no jwks_uri`);
  return {
    jwksUri: metadata.jwks_uri,
    async start(returnTo) {
      const codeVerifier = client.randomPKCECodeVerifier();
      const pending: PendingSignIn = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier, returnTo };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url: url.href, pending };
    },
    async finish(callbackUrl, pending) {
      try {
        const tokens = await client.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
        const claims = tokens.claims();
        if (!claims) throw new Error('no ID token');
        return { ...claims };
      } catch (error) {
        throw new SignInError(`The identity provider's answer was refused: ${(error as Error).message}`);
      }
    },
    endSessionUrl(postLogoutRedirectUri) {
      if (!metadata.end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(config, { post_logout_redirect_uri: postLogoutRedirectUri, client_id: settings.clientId }).href;
    },
  };
}
