import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { problem } from './problem-details.filter';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Whether the request carries a body and says it is something other than JSON. */
export function isNonJsonBody(headers: Request['headers']): boolean {
  const hasBody = headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
  return hasBody && !JSON_TYPE.test(headers['content-type'] ?? '');
}

/**
 * The API speaks JSON only. A body of another type (text, a form, XML) is not parsed by express
 * and would reach the route as an empty object, so a command with only optional fields would
 * succeed on a body nobody read: refuse it with 415 instead.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && isNonJsonBody(context.switchToHttp().getRequest<Request>().headers)) {
      throw new HttpException(
        problem(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the request body as JSON, with the header Content-Type: application/json.',
        ),
        415,
      );
    }
    return next.handle();
  }
}
