// With noUncheckedIndexedAccess, `xs[i]` may be undefined. In a test a missing element is a failure, so these
// helpers turn it into one with a message that says what was missing, instead of a `!` that would hide it.

/** `xs[i]` (a negative `i` counts from the end), or a failed test saying the list is shorter than expected. */
export function nth<T>(xs: readonly T[], i: number): T {
  const x = xs[i < 0 ? xs.length + i : i];
  if (x === undefined) throw new Error(`expected an element at index ${i}, the list has ${xs.length}`);
  return x;
}

/** The value, or a failed test naming what was missing. */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}
