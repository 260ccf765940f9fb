import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EnterTargetFigureHandler } from './enter-target-figure/enter-target-figure.handler';
import { EnterTargetFigureHttpController } from './enter-target-figure/enter-target-figure.http.controller';
import { GetAccountabilityHttpController } from './get-accountability/get-accountability.http.controller';
import { GetAccountabilityHandler } from './get-accountability/get-accountability.query';
import { GetPayoutsLedgerHttpController } from './get-payouts-ledger/get-payouts-ledger.http.controller';
import { GetPayoutsLedgerHandler } from './get-payouts-ledger/get-payouts-ledger.query';
import { GetWeeklyReportHttpController } from './get-weekly-report/get-weekly-report.http.controller';
import { GetWeeklyReportHandler } from './get-weekly-report/get-weekly-report.query';
import { REPORT_READER, dataSourceReader } from './shared/report-reader';

/** Indicators from the read models: accountability, the payouts ledger, the weekly report, target figures. */
@Module({})
export class ReportsModule {
  static register(dataSource: DataSource): DynamicModule {
    return {
      module: ReportsModule,
      controllers: [
        GetAccountabilityHttpController,
        GetPayoutsLedgerHttpController,
        GetWeeklyReportHttpController,
        EnterTargetFigureHttpController,
      ],
      providers: [
        { provide: REPORT_READER, useValue: dataSourceReader(dataSource) },
        EnterTargetFigureHandler,
        GetAccountabilityHandler,
        GetPayoutsLedgerHandler,
        GetWeeklyReportHandler,
      ],
    };
  }
}
