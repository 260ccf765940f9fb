import { Inject, Injectable } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@casework/domain';
import { EventStore, ReadStreamOptions } from '@casework/event-store';
import type { Pool } from 'pg';
import { CLOCK, Clock, EVENT_STORE, PG_POOL } from '@casework/platform';
import { getProgramme } from '@casework/policy';
import { checkUnitScope, loadCase, type LoadedCase } from '../shared/case-stream';
import { toCaseView, type CaseView } from '../shared/case.view';
import { recordCaseRead } from '../shared/record-case-read';

/*
 * Reads of one case straight from its stream: the current state, the state at an earlier point,
 * every event with its metadata and hashes, and why it was decided as it was. (The case list is a
 * read model, served elsewhere.)
 */

/** Loads a case for a reader: 404 when absent, 403 outside the reader's unit, the read recorded when it must be. */
@Injectable()
export class ScopedCaseReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async read(caseId: string, actor: Actor, purpose: string, options: ReadStreamOptions = {}): Promise<LoadedCase> {
    const loaded = await loadCase(this.store, caseId, options);
    checkUnitScope(actor, loaded.state);
    await recordCaseRead(this.pool, actor, loaded.state, caseId, purpose, this.clock.now().toISOString());
    return loaded;
  }
}

export class GetCaseQuery extends Query<{ version: number; view: CaseView }> {
  constructor(
    readonly caseId: string,
    readonly actor: Actor,
    readonly at: { asOf?: string; toVersion?: number } = {},
  ) {
    super();
  }
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(private readonly cases: ScopedCaseReader) {}

  async execute(q: GetCaseQuery) {
    const options: ReadStreamOptions = {
      ...(q.at.asOf ? { asOf: q.at.asOf } : {}),
      ...(q.at.toVersion ? { toVersion: q.at.toVersion } : {}),
    };
    const { state, version } = await this.cases.read(
      q.caseId,
      q.actor,
      q.at.asOf || q.at.toVersion ? 'case as of an earlier point' : 'case',
      options,
    );
    return { version, view: toCaseView(state, version, q.actor) };
  }
}

export class GetCaseHistoryQuery extends Query<unknown> {
  constructor(
    readonly caseId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(GetCaseHistoryQuery)
export class GetCaseHistoryHandler implements IQueryHandler<GetCaseHistoryQuery> {
  constructor(private readonly cases: ScopedCaseReader) {}

  async execute(q: GetCaseHistoryQuery) {
    const { version, events } = await this.cases.read(q.caseId, q.actor, 'case history');
    return {
      caseId: q.caseId,
      version,
      events: events.map((e) => ({
        version: e.version,
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        globalSeq: e.globalSeq,
        contentHash: e.contentHash,
        prevHash: e.prevHash,
        hash: e.hash,
      })),
    };
  }
}

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
