import { HttpCode, Post, applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { CASE_COMMANDS, type CaseCommandName } from '@casework/domain';

/** `POST /api/cases/:id/<route>` for a catalogue command, with its OpenAPI description. */
export function CaseCommandRoute(name: Exclude<CaseCommandName, 'submit'>): MethodDecorator {
  const spec = CASE_COMMANDS[name];
  return applyDecorators(
    Post(`:id/${spec.route}`),
    HttpCode(200),
    ApiOperation({ summary: spec.description, operationId: `case_${name}` }),
    ApiHeader({ name: 'If-Match', required: true, description: 'The ETag you read, e.g. W/"3"' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false }),
    ApiHeader({ name: 'Idempotency-Key', required: false }),
    ApiResponse({ status: 200, description: 'The case after the command; ETag header is the new version' }),
    ApiResponse({ status: 400, description: 'Invalid input; `errors` name the fields' }),
    ApiResponse({ status: 403, description: 'Role, unit or separation of duties' }),
    ApiResponse({ status: 404, description: 'No such case' }),
    ApiResponse({ status: 409, description: 'Not allowed in this state; `allowed` lists what is' }),
    ApiResponse({ status: 412, description: 'Stale If-Match' }),
    ApiResponse({ status: 428, description: 'If-Match missing' }),
  );
}
