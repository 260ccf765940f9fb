import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsFilter, createValidationPipe } from '@casework/platform';
import { AppModule, AppModuleOptions } from './app.module';

/** Builds the Nest application; used by main.ts and by the end-to-end tests. */
export async function createApp(options: AppModuleOptions, logger: false | undefined = undefined): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.register(options), { logger, bodyParser: true });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  const doc = new DocumentBuilder()
    .setTitle('Casework API')
    .setDescription('Event-sourced case management for the Xincheng District employment-stabilisation policy (新政发〔2020〕28号)')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc));
  return app;
}
