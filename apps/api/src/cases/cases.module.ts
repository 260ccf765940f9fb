import { Module } from '@nestjs/common';
import { ChangeCaseHandler } from './change-case/change-case.handler';
import { ChangeCaseHttpController } from './change-case/change-case.http.controller';
import { ExplainCaseHttpController } from './explain-case/explain-case.http.controller';
import { ExplainCaseHandler } from './explain-case/explain-case.query';
import { GetCaseHttpController } from './get-case/get-case.http.controller';
import { GetCaseHandler } from './get-case/get-case.query';
import { GetCaseHistoryHttpController } from './get-case-history/get-case-history.http.controller';
import { GetCaseHistoryHandler } from './get-case-history/get-case-history.query';
import { OpenCaseHandler } from './open-case/open-case.handler';
import { OpenCaseHttpController } from './open-case/open-case.http.controller';
import { ScopedCaseReader } from './shared/scoped-case-reader';

/** The caseworker's API for one case: open it, move it, read it (the list is a read model elsewhere). */
@Module({
  controllers: [
    OpenCaseHttpController,
    GetCaseHttpController,
    GetCaseHistoryHttpController,
    ExplainCaseHttpController,
    ChangeCaseHttpController,
  ],
  providers: [
    OpenCaseHandler,
    ChangeCaseHandler,
    GetCaseHandler,
    GetCaseHistoryHandler,
    ExplainCaseHandler,
    ScopedCaseReader,
  ],
})
export class CasesModule {}
