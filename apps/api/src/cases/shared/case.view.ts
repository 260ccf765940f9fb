import { allowedCommands, CASE_COMMANDS, CASE_STATUS_LABELS, type Actor, type CaseState } from '@casework/domain';

/** The case as the API shows it: its state, version and what the caller may do next. */
export function toCaseView(state: CaseState, version: number, actor?: Actor) {
  if (state.status === 'none') throw new Error('toCaseView: empty case');
  const { caseId, ...rest } = state;
  const names = allowedCommands(state.status, actor?.role);
  return {
    id: caseId,
    version,
    statusLabel: CASE_STATUS_LABELS[state.status],
    ...rest,
    allowedCommands: names.map((n) => ({ command: n, route: CASE_COMMANDS[n].route })),
  };
}
export type CaseView = ReturnType<typeof toCaseView>;
