import { randomBytes } from 'node:crypto';
import { ConfigError, DEV_JWT_SECRET, estimateSecretBits, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 3000', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeNull();
    expect(c.port).toBe(3000);
    expect(c.seedDemo).toBe(true);
  });
  it('seeds the demo district by default only on the embedded database', () => {
    const url = { DATABASE_URL: 'postgres://x/y', JWT_SECRET: randomBytes(32).toString('base64') };
    expect(loadConfig(url).seedDemo).toBe(false);
    expect(loadConfig({ ...url, SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });
  it('with DATABASE_URL, refuses the trial secret and low-entropy secrets, naming JWT_SECRET', () => {
    const url = 'postgres://x/y';
    expect(() => loadConfig({ DATABASE_URL: url, JWT_SECRET: DEV_JWT_SECRET })).toThrow(/JWT_SECRET .*trial secret/);
    for (const weak of ['a'.repeat(32), 'ab'.repeat(20), '0'.repeat(64)])
      expect(() => loadConfig({ DATABASE_URL: url, JWT_SECRET: weak })).toThrow(/JWT_SECRET .*entropy/);
    for (const strong of [randomBytes(16).toString('hex'), randomBytes(32).toString('base64')])
      expect(loadConfig({ DATABASE_URL: url, JWT_SECRET: strong }).jwtSecret).toBe(strong);
  });
  it('estimates entropy simply: repetition scores low, random strings high', () => {
    expect(estimateSecretBits('a'.repeat(32))).toBe(0);
    expect(estimateSecretBits('ab'.repeat(16))).toBe(64);
    expect(estimateSecretBits(randomBytes(32).toString('base64'))).toBeGreaterThanOrEqual(128);
  });
  it('embedded mode listens on loopback only', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/HOST .*loopback/);
    expect(() => loadConfig({ HOST: '192.168.1.5' })).toThrow(ConfigError);
    for (const host of ['127.0.0.1', '::1', 'localhost']) expect(loadConfig({ HOST: host }).host).toBe(host);
    expect(
      loadConfig({ HOST: '0.0.0.0', DATABASE_URL: 'postgres://x/y', JWT_SECRET: randomBytes(32).toString('hex') }).host,
    ).toBe('0.0.0.0');
  });
  it('names the variable that is malformed', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x/y' })).toThrow(/JWT_SECRET .*is required/);
    expect(() => loadConfig({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
  });
});
