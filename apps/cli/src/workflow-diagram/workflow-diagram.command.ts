import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toMermaid } from '@casework/domain';
import type { CliCommand } from '../cli-command';

const DOC = resolve(__dirname, '../../../../../docs/workflow.md');

/** Writes the transition table as a Mermaid diagram into docs/workflow.md (or prints it with --print). */
export const workflowDiagramCommand: CliCommand = {
  summary: 'write the case workflow diagram (from CASE_TRANSITIONS) into docs/workflow.md; --print to print it',
  needsDatabase: false,
  async run(_infra, args) {
    const diagram = toMermaid().trimEnd();
    if (args.includes('--print')) {
      process.stdout.write(`${diagram}\n`);
      return 0;
    }
    const doc = readFileSync(DOC, 'utf8');
    const next = doc.replace(/```mermaid\n[\s\S]*?```/, `\`\`\`mermaid\n${diagram}\n\`\`\``);
    if (next === doc) {
      process.stdout.write('docs/workflow.md already matches the transition table\n');
      return 0;
    }
    writeFileSync(DOC, next);
    process.stdout.write('docs/workflow.md updated from the transition table\n');
    return 0;
  },
};
