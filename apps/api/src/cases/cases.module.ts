import { Module } from '@nestjs/common';
import { ChangeCaseHandler } from './change-case/change-case.handler';
import { ChangeCaseHttpController } from './change-case/change-case.http.controller';
import { OpenCaseHandler } from './open-case/open-case.handler';
import { OpenCaseHttpController } from './open-case/open-case.http.controller';
import {
  ExplainCaseHandler,
  GetCaseHandler,
  GetCaseHistoryHandler,
  ScopedCaseReader,
} from './read-case/read-case.queries';
import { ReadCaseHttpController } from './read-case/read-case.http.controller';

/** The caseworker's API for one case: open it, move it, read it (the list is a read model elsewhere). */
@Module({
  controllers: [OpenCaseHttpController, ReadCaseHttpController, ChangeCaseHttpController],
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
