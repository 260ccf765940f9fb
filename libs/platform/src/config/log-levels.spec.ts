import { logLevelsOf } from './log-levels';

describe('logLevelsOf (LOG_LEVEL)', () => {
  it('lets through the level named and every more severe one', () => {
    expect(logLevelsOf('error')).toEqual(['fatal', 'error']);
    expect(logLevelsOf('warn')).toEqual(['fatal', 'error', 'warn']);
    expect(logLevelsOf('log')).toEqual(['fatal', 'error', 'warn', 'log']);
    expect(logLevelsOf('debug')).toEqual(['fatal', 'error', 'warn', 'log', 'debug']);
  });
});
