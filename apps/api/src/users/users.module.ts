import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserAdministration } from '@casework/identity';
import { USER_ADMINISTRATION } from '../auth/auth.tokens';
import { UsersHttpController } from './users.http.controller';

/** User administration (admin only). */
@Module({})
export class UsersModule {
  static register(dataSource: DataSource): DynamicModule {
    return {
      module: UsersModule,
      controllers: [UsersHttpController],
      providers: [{ provide: USER_ADMINISTRATION, useValue: new UserAdministration(dataSource) }],
    };
  }
}
