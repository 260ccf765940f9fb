import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toMermaid } from './case.transitions';

describe('docs/workflow.md', () => {
  const doc = readFileSync(join(__dirname, '../../../../docs/workflow.md'), 'utf8');

  it('embeds exactly the diagram toMermaid() prints from the transition table', () => {
    const blocks = [...doc.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toEqual([toMermaid()]);
  });

  it('the diagram has one arrow per (state, command, target) and starts from [*]', () => {
    const diagram = toMermaid();
    expect(diagram.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(diagram).toContain('  [*] --> submitted : submit (caseworker)\n');
    expect(diagram).toContain('  in_public_notice --> rejected : resolveObjection (reviewer)\n');
    expect(diagram).toContain('  closed --> suspended : reopen (reviewer, approver)\n');
  });
});
