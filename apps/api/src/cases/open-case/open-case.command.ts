import { Command } from '@nestjs/cqrs';
import type { Actor } from '@casework/domain';
import type { CaseView } from '../shared/case.view';

export interface OpenCaseResult {
  caseId: string;
  version: number;
  view: CaseView;
  /** True when this answers a repeated Idempotency-Key and nothing new was written. */
  replayed: boolean;
}

/** Opens (submits) a case. The body is checked by the handler; it comes straight from the client. */
export class OpenCaseCommand extends Command<OpenCaseResult> {
  constructor(
    readonly body: Record<string, unknown>,
    readonly actor: Actor,
    readonly idempotencyKey: string | null,
    readonly correlationId: string,
  ) {
    super();
  }
}
