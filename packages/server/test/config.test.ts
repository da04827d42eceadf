import { describe, expect, test } from '@jest/globals';
import { ConfigError, loadConfig } from '../src/config';

/** Configuration is validated once; a bad setting stops start-up with a message that names it. */

const BAD_SETTINGS = [
  { name: 'PORT', value: '70000', message: 'PORT: Too big: expected number to be <=65535 (got "70000")' },
  { name: 'DATABASE_POOL_SIZE', value: '0', message: 'DATABASE_POOL_SIZE: DATABASE_POOL_SIZE must be positive (got "0")' },
  { name: 'DATABASE_URL', value: 'mysql://localhost/x', message: 'DATABASE_URL: DATABASE_URL must start with postgres:// or postgresql:// (got "mysql://localhost/x")' },
];

describe('loadConfig', () => {
  test.each(BAD_SETTINGS)('rejects $name=$value naming the variable', ({ name, value, message }) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new ConfigError(`Invalid configuration:\n  ${message}`));
  });

  test('returns a frozen configuration with defaults', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  test('reads PORT as a number', () => {
    expect(loadConfig({ PORT: '8080' })).toMatchObject({ PORT: 8080 });
  });
});
