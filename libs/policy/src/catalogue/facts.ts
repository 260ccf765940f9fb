/** A fact by dotted path: nested objects (`{ founder: { idNumber } }`) or a flat dotted key. */
export function readFact(facts: Record<string, unknown>, path: string): unknown {
  if (path in facts) return facts[path];
  let node: unknown = facts;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
