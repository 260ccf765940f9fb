import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { UserDirectory } from '@casework/identity';
import { APP_CONFIG, AppConfig } from '@casework/platform';
import { USER_DIRECTORY } from './auth.tokens';
import { BearerAuthGuard } from './bearer-auth.guard';
import { LogInHttpController } from './log-in/log-in.http.controller';
import { LoginThrottle } from './log-in/login-throttle';

/** Sign-in and the global bearer-token guard. */
@Module({})
export class AuthModule {
  static register(dataSource: DataSource): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        JwtModule.registerAsync({
          global: true,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            secret: config.jwtSecret,
            signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' },
            verifyOptions: { algorithms: ['HS256'] },
          }),
        }),
      ],
      controllers: [LogInHttpController],
      providers: [
        { provide: USER_DIRECTORY, useValue: new UserDirectory(dataSource) },
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        LoginThrottle,
      ],
      exports: [USER_DIRECTORY],
    };
  }
}
