import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ListCasesHttpController } from './list-cases/list-cases.http.controller';
import { ListCasesHandler } from './list-cases/list-cases.query';

/** GET /api/cases from the case_queue read model. */
@Module({})
export class CaseQueueModule {
  static register(dataSource: DataSource): DynamicModule {
    return {
      module: CaseQueueModule,
      controllers: [ListCasesHttpController],
      providers: [{ provide: DataSource, useValue: dataSource }, ListCasesHandler],
    };
  }
}
