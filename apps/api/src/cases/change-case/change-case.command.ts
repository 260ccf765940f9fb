import { Command } from '@nestjs/cqrs';
import type { CaseCommandName } from '@casework/domain';
import type { CaseView } from '../shared/case.view';
import type { CommandContext } from '../../shared/command-context';

export interface ChangeCaseResult {
  version: number;
  view: CaseView;
}

/** Any workflow command on an existing case (everything but opening it). */
export class ChangeCaseCommand extends Command<ChangeCaseResult> {
  constructor(
    readonly name: Exclude<CaseCommandName, 'submit'>,
    readonly caseId: string,
    readonly body: Record<string, unknown>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
