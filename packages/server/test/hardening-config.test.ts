import { describe, expect, test } from '@jest/globals';
import { loadConfig } from '../src/config';
import { runCli } from './support/cli';

/** The hardening settings are validated at start: a bad value stops start-up naming the variable. */

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** `Invalid configuration:\n  NAME: <why> (got "<value>")` */
const namingLine = (name: string, value: string) => new RegExp(`^Invalid configuration:\\n  ${name}: .+ \\(got ${escape(JSON.stringify(value))}\\)$`);

describe('hardening settings', () => {
  test.each([
    ['INTROSPECTION', 'yes'],
    ['EXPLORER', 'true'],
    ['CORS_ORIGINS', 'https://example.org/path'],
    ['CORS_ORIGINS', 'example.org'],
    ['RATE_LIMIT', 'enabled'],
    ['RATE_LIMIT_REQUESTS', '0'],
    ['RATE_LIMIT_WINDOW_SECONDS', 'a minute'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ['TRUST_PROXY_HOPS', '-1'],
    ['REQUEST_TIMEOUT_MS', '10s'],
    ['STATEMENT_TIMEOUT_MS', '0'],
    ['SHUTDOWN_TIMEOUT_MS', '1.5'],
    ['TRUSTED_DOCUMENTS', 'strict'],
    ['METRICS', '1'],
    ['GRAPHQL_EXECUTOR', 'fast'],
  ])('rejects %s=%s naming the variable and the value', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(namingLine(name, value));
  });

  test('executes with graphql-jit unless told to interpret', () => {
    expect([loadConfig({}).GRAPHQL_EXECUTOR, loadConfig({ GRAPHQL_EXECUTOR: 'graphql-js' }).GRAPHQL_EXECUTOR]).toEqual(['jit', 'graphql-js']);
  });

  test('turns introspection and the explorer off by default in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ INTROSPECTION: 'off', EXPLORER: 'off' });
  });

  test('turns introspection and the explorer on by default in development', () => {
    expect(loadConfig({})).toMatchObject({ INTROSPECTION: 'on', EXPLORER: 'on' });
  });

  test('lets INTROSPECTION=on turn introspection on in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'on' })).toMatchObject({ INTROSPECTION: 'on', EXPLORER: 'on' });
  });

  test('reads CORS_ORIGINS as a list of origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.org, http://localhost:5173' }).CORS_ORIGINS).toEqual(['https://a.example.org', 'http://localhost:5173']);
  });

  test('defaults to a rate limit of 600 requests a minute, a 10 s deadline and a 5 s statement timeout', () => {
    expect(loadConfig({})).toMatchObject({ RATE_LIMIT: 'on', RATE_LIMIT_REQUESTS: 600, RATE_LIMIT_WINDOW_SECONDS: 60, REQUEST_TIMEOUT_MS: 10_000, STATEMENT_TIMEOUT_MS: 5_000 });
  });
});

describe('sendbench serve', () => {
  test('stops at start-up naming a bad variable', async () => {
    const result = await runCli(['serve'], { RATE_LIMIT_REQUESTS: 'lots', SENDBENCH_DB_DIR: '/nonexistent/never-created' });
    expect({ code: result.code, stderr: result.stderr.trim() }).toEqual({
      code: 1,
      stderr: 'sendbench: Invalid configuration:\n  RATE_LIMIT_REQUESTS: RATE_LIMIT_REQUESTS must be a whole number (got "lots")',
    });
  });

  test('stops at start-up naming TRUSTED_DOCUMENTS_FILE when trusted documents are on and the manifest is missing', async () => {
    const result = await runCli(['serve'], { TRUSTED_DOCUMENTS: 'on', TRUSTED_DOCUMENTS_FILE: '/nonexistent/trusted-documents.json', SENDBENCH_DB_DIR: '/nonexistent/never-created' });
    expect({ code: result.code, names: /TRUSTED_DOCUMENTS_FILE: \/nonexistent\/trusted-documents.json: the file does not exist/.test(result.stderr) }).toEqual({ code: 1, names: true });
  });
});
