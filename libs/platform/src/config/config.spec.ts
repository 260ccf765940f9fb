import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 3000', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeNull();
    expect(c.port).toBe(3000);
    expect(c.seedDemo).toBe(true);
  });
  it('names the variable that is malformed', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x/y' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
  });
});
