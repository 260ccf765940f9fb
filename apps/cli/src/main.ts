import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, Infrastructure, loadConfig, migrateAll, openInfrastructure } from '@casework/platform';
import { eventSignerOf } from '@casework/ledger';
import { loadLogSigner } from '../../worker/src/log-signer';
import type { CliCommand } from './cli-command';
import { ledgerCommand } from './ledger/ledger.command';
import { keysCommand } from './keys/keys.command';
import { projectionsCommand } from './projections/projections.command';
import { seedDemo } from './seed/seed-demo';
import { workflowDiagramCommand } from './workflow-diagram/workflow-diagram.command';

/**
 * Administration: `npm run cli -- <command> [args]`. Each command gets the opened infrastructure.
 * Add a command by adding an entry to COMMANDS.
 */

export const COMMANDS: Record<string, CliCommand> = {
  migrate: {
    summary: 'apply the event-store and read-model migrations',
    async run(infra) {
      await migrateAll(infra);
      new Logger('cli').log('migrations applied');
    },
  },
  seed: {
    summary: 'seed the synthetic demo district (accounts, cases, households); idempotent',
    async run(infra) {
      await migrateAll(infra);
      await seedDemo(infra);
    },
  },
  ledger: ledgerCommand,
  projections: projectionsCommand,
  keys: keysCommand,
  'workflow-diagram': workflowDiagramCommand,
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(28)} ${c.summary}`);
  return `usage: npm run cli -- <command> [args]\n\ncommands:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(name && name !== 'help' ? `unknown command "${name}"\n\n${usage()}` : usage());
    return name && name !== 'help' ? 2 : 0;
  }
  let infra: Infrastructure | undefined;
  try {
    if (command.needsDatabase !== false) {
      // The seed's events are signed with the log's key, as the API's are (issue 8 item 3).
      const config = loadConfig();
      infra = await openInfrastructure(config, { signer: eventSignerOf(loadLogSigner(config)) });
    }
    const code = await command.run(infra as Infrastructure, args);
    return typeof code === 'number' ? code : 0;
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    return 1;
  } finally {
    await infra?.close();
  }
}

// main() answers its own errors with an exit code; what escapes it (closing the infrastructure) exits 1.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
