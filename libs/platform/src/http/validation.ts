import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, validationError } from '@casework/domain';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    for (const [rule, msg] of Object.entries(e.constraints ?? {})) {
      out.push({ field, reason: rule === 'whitelistValidation' ? 'is not a known field' : msg.replace(new RegExp(`^${e.property} `), '') });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/** Validates every DTO; unknown fields are rejected; errors name the field in plain words. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationError(flatten(errors)),
  });
}
