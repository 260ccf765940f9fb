import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { forbidden, localDateOf } from '@casework/kernel';
import type { Actor } from '@casework/domain';
import { queryHouseholdBoard } from '@casework/read-models';
import { CLOCK, Clock, PG_POOL } from '@casework/platform';
import { accessReasonOf, reasonRequired, recordHouseholdReads } from '../shared/household-access';
import { boardScopeOf, parseBoardQuery } from './get-household-board.query-params';

type BoardPage = Awaited<ReturnType<typeof queryHouseholdBoard>>;

export class GetHouseholdBoardQuery extends Query<
  { today: string; page: number; pageSize: number } & Pick<BoardPage, 'total' | 'items'>
> {
  constructor(
    /** The query string as sent; parsed here, so every caller gets the same 400s. */
    readonly query: Record<string, unknown>,
    readonly reasonHeader: string | undefined,
    readonly actor: Actor,
  ) {
    super();
  }
}

/**
 * The household board in the reader's scope: a street office sees its own households; the
 * district and inspectors see all, say why, and every household listed is recorded as read.
 */
@QueryHandler(GetHouseholdBoardQuery)
export class GetHouseholdBoardHandler implements IQueryHandler<GetHouseholdBoardQuery> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ query, reasonHeader, actor }: GetHouseholdBoardQuery) {
    const scope = boardScopeOf(actor);
    if (!scope)
      throw forbidden(
        'HOUSEHOLD_OUT_OF_SCOPE',
        `Users of ${actor.unit} do not follow households; the board is for street offices, the district bureau and inspectors.`,
        { unit: actor.unit },
      );
    const request = parseBoardQuery(query);
    if (!scope.all && request.streetOffice !== undefined && request.streetOffice !== scope.office) {
      throw forbidden(
        'HOUSEHOLD_OUT_OF_SCOPE',
        `You may only see the households of ${scope.office}, not of ${request.streetOffice}.`,
        { unit: actor.unit },
      );
    }
    const reason = accessReasonOf({ query: query.reason, header: reasonHeader });
    if (scope.all && reason === null) throw reasonRequired();
    const offices = scope.all ? (request.streetOffice ? [request.streetOffice] : undefined) : [scope.office];
    const at = this.clock.now().toISOString();
    const today = request.on ?? localDateOf(at);
    const page = await queryHouseholdBoard(
      this.pool,
      'household_board',
      { ...request.filter, streetOffices: offices },
      today,
    );
    if (scope.all) {
      const { reason: _r, ...filters } = query;
      await recordHouseholdReads(
        this.pool,
        actor,
        page.items.map((i) => i.householdId),
        reason!,
        at,
        { route: 'GET /api/households', filters },
      );
    }
    return { today, page: request.page, pageSize: request.pageSize, total: page.total, items: page.items };
  }
}
