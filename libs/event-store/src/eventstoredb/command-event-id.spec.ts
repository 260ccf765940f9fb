import { commandEventId } from './command-event-id';

describe('commandEventId', () => {
  it('is a version-5 layout UUID', () => {
    expect(commandEventId('cmd-1', 0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is the same for a retried command and differs per index and per command', () => {
    expect(commandEventId('cmd-1', 0)).toBe(commandEventId('cmd-1', 0));
    expect(commandEventId('cmd-1', 1)).not.toBe(commandEventId('cmd-1', 0));
    expect(commandEventId('cmd-2', 0)).not.toBe(commandEventId('cmd-1', 0));
  });

  it('does not confuse a command id ending in a digit with another index', () => {
    expect(commandEventId('cmd-1', 12)).not.toBe(commandEventId('cmd-11', 2));
  });
});
