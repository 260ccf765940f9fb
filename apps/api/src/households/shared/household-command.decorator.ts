import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation } from '@nestjs/swagger';
import { HOUSEHOLD_COMMANDS, type HouseholdCommandType, type HouseholdFieldSpec } from '@casework/domain';

type Schema = Record<string, unknown>;

function schemaOf(spec: HouseholdFieldSpec): Schema {
  const limits = {
    ...(spec.maxLength !== undefined ? { maxLength: spec.maxLength } : {}),
    ...(spec.enum ? { enum: [...spec.enum] } : {}),
  };
  switch (spec.type) {
    case 'string':
      return { type: 'string', ...limits };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'boolean':
      return { type: 'boolean' };
    case 'object':
      return objectSchema(spec.fields ?? []);
    case 'array':
      return {
        type: 'array',
        ...(spec.nonEmpty ? { minItems: 1 } : {}),
        items: spec.fields ? objectSchema(spec.fields) : {},
      };
    default: {
      const _exhaustive: never = spec.type;
      return _exhaustive;
    }
  }
}

function objectSchema(fields: readonly HouseholdFieldSpec[]): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(fields.map((f) => [f.name, schemaOf(f)])),
    required: fields.filter((f) => f.required).map((f) => f.name),
  };
}

/**
 * OpenAPI for a household command route, generated from HOUSEHOLD_COMMANDS: the same catalogue
 * checks the body (checkHouseholdBody), so the documentation and the checks cannot disagree.
 */
export function HouseholdCommandRoute(type: HouseholdCommandType): MethodDecorator {
  const spec = HOUSEHOLD_COMMANDS[type];
  const decorators = [
    ApiOperation({ summary: spec.description, operationId: type }),
    ApiBody({ schema: objectSchema(spec.fields) }),
    ApiHeader({ name: 'X-Correlation-Id', required: false }),
  ];
  if (!spec.opensHousehold)
    decorators.push(ApiHeader({ name: 'If-Match', required: true, description: 'The ETag you read, e.g. W/"3"' }));
  return applyDecorators(...decorators);
}
