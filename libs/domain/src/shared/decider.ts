/**
 * An aggregate as one value: `decide(command, state) -> events`, `evolve(state, event) -> state`,
 * from `initialState()`. The same shape as the Decider of @casework/event-store's handleCommand
 * (the domain imports no store; the two types are structural and match).
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}
