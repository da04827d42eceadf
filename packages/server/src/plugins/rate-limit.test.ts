import type http from 'node:http';
import { describe, expect, test } from '@jest/globals';
import { clientAddress, gcra, MemoryRateLimiter, RATE_LIMIT_DEFAULTS, rateLimitHeaders } from './rate-limit';

const POLICY = { requests: 5, windowMs: 10_000 };

/** A limiter on a clock the test moves. */
function limiterAt(start = 1_000_000) {
  const clock = { now: start };
  return { clock, limiter: new MemoryRateLimiter(POLICY, () => clock.now) };
}

const requestFrom = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as http.IncomingMessage;

describe('gcra', () => {
  test('allows a fresh client its whole budget at once', () => {
    expect(gcra(POLICY, undefined, 0).decision).toMatchObject({ allowed: true, remaining: 4 });
  });

  test('refuses the request after the budget with the time until one more is allowed', () => {
    expect(gcra(POLICY, 10_000, 0).decision).toMatchObject({ allowed: false, remaining: 0, retryAfterMs: 2_000 });
  });
});

describe('MemoryRateLimiter', () => {
  test('allows exactly the budget in a burst and refuses the next', async () => {
    const { limiter } = limiterAt();
    const decisions = [];
    for (let i = 0; i <= POLICY.requests; i++) decisions.push((await limiter.consume('a')).allowed);
    await limiter.close();
    expect(decisions).toEqual([true, true, true, true, true, false]);
  });

  test('allows one more request after window / requests', async () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < POLICY.requests; i++) await limiter.consume('a');
    clock.now += POLICY.windowMs / POLICY.requests;
    const decision = await limiter.consume('a');
    await limiter.close();
    expect(decision.allowed).toBe(true);
  });

  test('keeps a separate budget per client', async () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < POLICY.requests; i++) await limiter.consume('a');
    const other = await limiter.consume('b');
    await limiter.close();
    expect(other.allowed).toBe(true);
  });

  test('forgets clients whose budget is full again', async () => {
    const { clock, limiter } = limiterAt();
    await limiter.consume('a');
    clock.now += POLICY.windowMs;
    limiter.sweep();
    await limiter.close();
    expect(limiter.size).toBe(0);
  });
});

describe('clientAddress', () => {
  test.each([
    ['the socket address without trusted proxies', requestFrom('10.0.0.5', '1.2.3.4'), 0, '10.0.0.5'],
    ['the address the trusted proxy saw', requestFrom('10.0.0.5', '1.2.3.4'), 1, '1.2.3.4'],
    ['the address seen by the outer of two proxies, ignoring what the client wrote', requestFrom('10.0.0.5', '6.6.6.6, 1.2.3.4, 10.0.0.9'), 2, '1.2.3.4'],
    ['the socket address when the header is not an address', requestFrom('10.0.0.5', 'nonsense'), 1, '10.0.0.5'],
    ['plain IPv4 for an IPv4-mapped address', requestFrom('::ffff:192.0.2.1'), 0, '192.0.2.1'],
    ['the /64 network of an IPv6 address', requestFrom('2001:db8:0:1:aaaa:bbbb:cccc:dddd'), 0, '2001:db8:0:1::/64'],
    ['the /64 network of a compressed IPv6 address', requestFrom('2001:db8::1'), 0, '2001:db8:0:0::/64'],
  ])('takes %s', (_label, req, hops, expected) => {
    expect(clientAddress(req, hops)).toBe(expected);
  });
});

describe('rateLimitHeaders', () => {
  test('rounds Retry-After up to whole seconds, at least 1', () => {
    expect(rateLimitHeaders({ allowed: false, limit: 5, remaining: 0, retryAfterMs: 1, resetMs: 10_000 })).toEqual({
      'ratelimit-limit': '5',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '10',
      'retry-after': '1',
    });
  });

  test('sends no Retry-After on an allowed request', () => {
    expect(rateLimitHeaders({ allowed: true, limit: 5, remaining: 4, retryAfterMs: 0, resetMs: 2_000 })['retry-after']).toBeUndefined();
  });
});

test('defaults to 600 requests a minute per client', () => {
  expect([RATE_LIMIT_DEFAULTS.requests, RATE_LIMIT_DEFAULTS.windowMs]).toEqual([600, 60_000]);
});
