import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REPORT_READER, dataSourceReader } from '../reports/shared/report-reader';
import { ListAnomaliesHttpController } from './list-anomalies/list-anomalies.http.controller';
import { ListAnomaliesHandler } from './list-anomalies/list-anomalies.query';

/** What discipline inspectors review (DESIGN §1): anomaly lists over the read models. */
@Module({})
export class InspectionsModule {
  static register(dataSource: DataSource): DynamicModule {
    return {
      module: InspectionsModule,
      controllers: [ListAnomaliesHttpController],
      providers: [{ provide: REPORT_READER, useValue: dataSourceReader(dataSource) }, ListAnomaliesHandler],
    };
  }
}
