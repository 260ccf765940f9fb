import type { Infrastructure } from '@casework/platform';

/**
 * One administration command of `npm run cli -- <command> [args]`. Each command gets the opened
 * infrastructure; main.ts lists them in COMMANDS. In its own file so that command files need not
 * import main.ts, which imports them.
 */
export interface CliCommand {
  summary: string;
  /** false for commands that only read code or files (default true). */
  needsDatabase?: boolean;
  run(infra: Infrastructure, args: string[]): Promise<number | void>;
}
