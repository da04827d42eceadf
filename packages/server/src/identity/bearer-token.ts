import type { JWTPayload } from 'jose';
import { type Principal, principalOfClaims, type RoleMapping, RoleClaimError } from './principal';

/** Signing algorithms accepted on bearer tokens: asymmetric only (never `none`, never HS* with a guessable secret). */
export const BEARER_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;

export type BearerErrorCode = 'TOKEN_MALFORMED' | 'TOKEN_ALGORITHM' | 'TOKEN_SIGNATURE' | 'TOKEN_EXPIRED' | 'TOKEN_AUDIENCE' | 'TOKEN_ISSUER' | 'TOKEN_CLAIMS' | 'TOKEN_KEYS_UNAVAILABLE';

/** A bearer token that was refused: the HTTP layer answers 401 with this message and code. */
export class BearerTokenError extends Error {
  constructor(
    readonly code: BearerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface BearerVerifierOptions {
  issuer: string;
  /** The `aud` the API's tokens must carry. */
  audience: string;
  /** The issuer's key set (from its discovery document). */
  jwksUri: string;
  mapping: RoleMapping;
}

export type BearerVerifier = (token: string) => Promise<Principal>;

/**
 * Verifies JWT access tokens against the issuer's published keys (jose's remote key set: cached,
 * fetched again when a token names a key it has not seen, so a key rotation is followed without a
 * restart) and checks issuer, audience, expiry (60 s leeway for clock skew) and the algorithm
 * allow-list. Every refusal is a BearerTokenError naming what was wrong.
 *
 * @example const verify = await createBearerVerifier({ issuer, audience: 'sendbench-api', jwksUri, mapping }); await verify(token)
 */
export async function createBearerVerifier(options: BearerVerifierOptions): Promise<BearerVerifier> {
  const jose = await import('jose');
  const keys = jose.createRemoteJWKSet(new URL(options.jwksUri), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  const verified = new VerifiedTokens();
  return async (token) => {
    const known = verified.get(token);
    if (known) return known;
    let header: { alg?: string };
    try {
      header = jose.decodeProtectedHeader(token);
    } catch {
      throw new BearerTokenError('TOKEN_MALFORMED', 'The bearer token is not a JSON Web Token (three base64url parts, header.payload.signature).');
    }
    if (!header.alg || !(BEARER_ALGORITHMS as readonly string[]).includes(header.alg)) {
      throw new BearerTokenError('TOKEN_ALGORITHM', `The bearer token is signed with ${JSON.stringify(header.alg ?? null)}; this API accepts only ${BEARER_ALGORITHMS.join(', ')}.`);
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jose.jwtVerify(token, keys, { issuer: options.issuer, audience: options.audience, algorithms: [...BEARER_ALGORITHMS], clockTolerance: 60, requiredClaims: ['exp', 'sub'] }));
    } catch (error) {
      throw refusal(jose, error, options);
    }
    try {
      const principal = principalOfClaims(payload as Record<string, unknown>, options.mapping, 'bearer');
      verified.set(token, principal, payload.exp!);
      return principal;
    } catch (error) {
      if (error instanceof RoleClaimError) throw new BearerTokenError('TOKEN_CLAIMS', error.message);
      throw error;
    }
  };
}

/**
 * Tokens verified in the last minute, by their exact text: an API client sends the same token with
 * every request, and checking its RS256 signature again cost ~300 µs of CPU a request (bench:http).
 * An entry lasts a minute at most and never past the token's expiry (with the 60 s leeway the
 * verification allows), so a cached answer is one the verification would still give.
 */
class VerifiedTokens {
  private static readonly TTL_MS = 60_000;
  private static readonly MAX = 10_000;
  private readonly entries = new Map<string, { principal: Principal; until: number }>();

  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.principal;
    this.entries.delete(token);
    return undefined;
  }

  set(token: string, principal: Principal, expSeconds: number): void {
    if (this.entries.size >= VerifiedTokens.MAX) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { principal, until: Math.min(Date.now() + VerifiedTokens.TTL_MS, (expSeconds + 60) * 1000) });
  }
}

function refusal(jose: typeof import('jose'), error: unknown, options: BearerVerifierOptions): BearerTokenError {
  const { errors } = jose;
  if (error instanceof errors.JWTExpired) return new BearerTokenError('TOKEN_EXPIRED', 'The bearer token has expired: ask the identity provider for a new one.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new BearerTokenError('TOKEN_AUDIENCE', `The bearer token is not for this API: its audience must include ${JSON.stringify(options.audience)}.`);
    if (error.claim === 'iss') return new BearerTokenError('TOKEN_ISSUER', `The bearer token was not issued by ${options.issuer}.`);
    return new BearerTokenError('TOKEN_CLAIMS', `The bearer token's "${error.claim}" claim is not valid: ${error.reason}.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new BearerTokenError('TOKEN_SIGNATURE', `The bearer token's signature does not verify with the keys of ${options.issuer}: it was changed or signed by someone else.`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new BearerTokenError('TOKEN_ALGORITHM', `The bearer token's algorithm is not allowed; this API accepts only ${BEARER_ALGORITHMS.join(', ')}.`);
  if (error instanceof errors.JWKSTimeout || keysUnreachable(error)) {
    return new BearerTokenError('TOKEN_KEYS_UNAVAILABLE', `The identity provider's keys could not be fetched from ${options.jwksUri}; try again shortly.`);
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return new BearerTokenError('TOKEN_MALFORMED', 'The bearer token is not a well-formed signed JSON Web Token.');
  return new BearerTokenError('TOKEN_SIGNATURE', 'The bearer token could not be verified.');
}

/**
 * Whether `error` is the key set's fetch failing (connection refused, DNS, reset): fetch's
 * TypeError "fetch failed" with the network error as its cause. Checked by shape, not instanceof:
 * the error may come from another realm (undici's fetch under a VM context, as in jest).
 */
function keysUnreachable(error: unknown): boolean {
  const text = (value: unknown) => (value && typeof value === 'object' ? `${String((value as { message?: unknown }).message ?? '')} ${String((value as { code?: unknown }).code ?? '')}` : '');
  return /fetch failed|network|ECONNREFUSED|ENOTFOUND|ECONNRESET|EAI_AGAIN|ETIMEDOUT/i.test(`${text(error)} ${text((error as { cause?: unknown } | null)?.cause)}`);
}
