import { createSecretKey } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AccountEventLog, SessionStore, UserAdministration, UserDirectory } from '@casework/identity';
import { APP_CONFIG, AppConfig } from '@casework/platform';
import { ACCOUNT_EVENTS, SESSION_STORE, USER_ADMINISTRATION, USER_DIRECTORY } from './auth.tokens';
import { BearerAuthGuard } from './bearer-auth.guard';
import { LogInHttpController } from './log-in/log-in.http.controller';
import { LoginThrottle } from './log-in/login-throttle';
import { OwnAccountHttpController } from './own-account/own-account.http.controller';
import { SignInRecordsHttpController } from './sign-in-records/sign-in-records.http.controller';

/** Sign-in, sign-out, one's own password, the account record for inspectors, and the global bearer-token guard. */
@Module({})
export class AuthModule {
  static register(dataSource: DataSource): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        JwtModule.registerAsync({
          global: true,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            // A secret KeyObject, not a string: given a string, the JWT library first tries it as a
            // public key on every verify (a thrown error each time, 10 % of a command's CPU in the profile).
            const key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
            return {
              secretOrKeyProvider: () => key,
              signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' },
              verifyOptions: { algorithms: ['HS256'] },
            };
          },
        }),
      ],
      controllers: [LogInHttpController, OwnAccountHttpController, SignInRecordsHttpController],
      providers: [
        { provide: USER_DIRECTORY, useValue: new UserDirectory(dataSource) },
        { provide: SESSION_STORE, useValue: new SessionStore(dataSource) },
        { provide: ACCOUNT_EVENTS, useValue: new AccountEventLog(dataSource) },
        { provide: USER_ADMINISTRATION, useValue: new UserAdministration(dataSource) },
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        LoginThrottle,
      ],
      exports: [USER_DIRECTORY],
    };
  }
}
