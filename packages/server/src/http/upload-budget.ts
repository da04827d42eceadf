import type { Principal } from '../identity/principal';
import { type RateLimiter, type RateLimitPolicy, rateLimitHeaders } from '../plugins/rate-limit';

/**
 * Each LA user's budget of provisional uploads, on both ways in (POST /provisional/uploads and the
 * uploadProvisional mutation): 30 files an hour, all of which may come at once, then one every two
 * minutes. An upload reads, checks and writes up to 8 MB, so the per-client budget on /graphql
 * (600 requests a minute) is no limit on them; this one is counted per user, not per address.
 */
export const UPLOAD_BUDGET_DEFAULTS: RateLimitPolicy = { requests: 30, windowMs: 60 * 60 * 1000 };

/** A refused upload's 429: its body and headers (Retry-After, RateLimit-*). */
export interface UploadRefusal {
  body: { errors: { message: string; extensions: Record<string, unknown> }[] };
  headers: Record<string, string>;
}

/**
 * Takes one upload from `uploader`'s budget; the 429 to send when it is spent, else undefined.
 * Called after the role check and before a byte of the file is read.
 */
export async function spendUploadBudget(limiter: RateLimiter, uploader: Principal, requestId: string): Promise<UploadRefusal | undefined> {
  const decision = await limiter.consume(uploader.subject ?? `la:${uploader.laCode}`);
  if (decision.allowed) return undefined;
  const headers = rateLimitHeaders(decision);
  const minutes = limiter.policy.windowMs / 60_000;
  const message = `Too many uploads: each LA user may upload ${decision.limit} files per ${minutes} minutes. Try again in ${headers['retry-after']} s.`;
  return { body: { errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfter: Number(headers['retry-after']), requestId } }] }, headers };
}
