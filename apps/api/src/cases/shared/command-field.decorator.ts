import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { CASE_COMMANDS, type CaseCommandName, type FieldSpec } from '@casework/domain';

const SWAGGER_TYPE: Record<Exclude<FieldSpec['type'], 'object'>, 'string' | 'integer' | 'boolean'> = {
  string: 'string',
  integer: 'integer',
  date: 'string',
  boolean: 'boolean',
};

/**
 * A request field of a case command, described for OpenAPI from the command catalogue. The
 * catalogue is also what checks the value (validateCommandBody, inside decide), so the two can
 * never disagree; @Allow keeps the field through the whitelisting pipe, which rejects unknown ones.
 */
export function CommandField(command: CaseCommandName, name: string, example?: unknown): PropertyDecorator {
  const spec = CASE_COMMANDS[command].fields.find((f) => f.name === name);
  if (!spec) throw new Error(`Command ${command} has no field ${name} in CASE_COMMANDS`);
  return applyDecorators(
    ApiProperty({
      ...(spec.type === 'object' ? { type: Object, additionalProperties: true } : { type: SWAGGER_TYPE[spec.type] }),
      required: spec.required,
      ...(spec.type === 'date' ? { format: 'date' } : {}),
      ...(spec.maxLength !== undefined ? { maxLength: spec.maxLength } : {}),
      ...(spec.min !== undefined ? { minimum: spec.min } : {}),
      ...(spec.max !== undefined ? { maximum: spec.max } : {}),
      ...(spec.enum ? { enum: [...spec.enum] } : {}),
      ...(example !== undefined ? { example } : {}),
    }),
    Allow(),
  );
}
