import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@casework/domain';
import { APP_CONFIG, AppConfig } from '@casework/platform';
import { readPayoutsLedger, type SqlReader } from '@casework/read-models';
import { REPORT_READER } from '../shared/report-reader';
import { checkPeriod, scopedUnit } from '../shared/report-dates';
import type { GetPayoutsLedgerRequestDto } from './get-payouts-ledger.request.dto';

type PayoutsLedger = Awaited<ReturnType<typeof readPayoutsLedger>>;

export class GetPayoutsLedgerQuery extends Query<PayoutsLedger> {
  constructor(
    readonly filters: GetPayoutsLedgerRequestDto,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** The payouts ledger over a period, in the reader's unit scope. */
@QueryHandler(GetPayoutsLedgerQuery)
export class GetPayoutsLedgerHandler implements IQueryHandler<GetPayoutsLedgerQuery> {
  constructor(
    @Inject(REPORT_READER) private readonly db: SqlReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute({ filters, actor }: GetPayoutsLedgerQuery): Promise<PayoutsLedger> {
    checkPeriod(filters.from, filters.to);
    return readPayoutsLedger(this.db, this.config.databaseSchema, {
      ...filters,
      unit: scopedUnit(actor, filters.unit),
    });
  }
}
