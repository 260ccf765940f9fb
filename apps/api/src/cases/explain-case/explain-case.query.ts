import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@casework/domain';
import { getProgramme } from '@casework/policy';
import { ScopedCaseReader } from '../shared/scoped-case-reader';

/** Why the case was decided as it was: conditions, amount formula, policy version, decision. */
export class ExplainCaseQuery extends Query<unknown> {
  constructor(
    readonly caseId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(ExplainCaseQuery)
export class ExplainCaseHandler implements IQueryHandler<ExplainCaseQuery> {
  constructor(private readonly cases: ScopedCaseReader) {}

  async execute(q: ExplainCaseQuery) {
    const { state, version } = await this.cases.read(q.caseId, q.actor, 'case explanation');
    const programme = getProgramme(state.programme, state.policyVersion);
    const e = state.eligibility;
    return {
      caseId: q.caseId,
      version,
      status: state.status,
      programme: {
        code: programme.code,
        nameZh: programme.nameZh,
        nameEn: programme.nameEn,
        clauses: programme.clauses,
      },
      policyVersion: state.policyVersion,
      eligible: e.eligible,
      conditions: e.conditions,
      amount: e.amount,
      amountRule: programme.amount.formula,
      decision: state.approval
        ? {
            kind: 'approved',
            clause: state.approval.clause,
            policyVersion: state.approval.policyVersion,
            amountFen: state.approval.amountFen,
            formula: state.approval.formula,
            schedule: state.approval.schedule,
            by: state.approval.by,
            at: state.approval.at,
          }
        : state.rejection
          ? {
              kind: 'rejected',
              clause: state.rejection.clause,
              reason: state.rejection.reason,
              atStep: state.rejection.atStep,
              by: state.rejection.by,
              at: state.rejection.at,
            }
          : null,
      evaluations: state.evaluations,
    };
  }
}
