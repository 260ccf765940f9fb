/*
 * The project's error type lives in libs/domain. Imported by file rather than through
 * '@casework/domain' because the domain's deciders import '@casework/policy': going through the
 * index would make the two libraries' entry points require each other.
 */
export { DomainError, validationError, type FieldProblem } from '../../../domain/src/shared/errors';
