import type { LogLevel } from '@nestjs/common';
import type { AppConfig } from './config';

const BY_SEVERITY: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The Nest log levels LOG_LEVEL lets through: the one it names and every more severe one. */
export function logLevelsOf(level: AppConfig['logLevel']): LogLevel[] {
  return BY_SEVERITY.slice(0, BY_SEVERITY.indexOf(level) + 1);
}
