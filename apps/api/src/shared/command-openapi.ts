import type { BodyFieldSpec } from '@casework/domain';
import type { OpenAPIObject, OperationObject, ParameterObject, SchemaObject } from '@nestjs/swagger';
import type { CommandRoute, CommandRoutes } from './command-routes';

/** What the document needs of an aggregate's routes (not how its route checks bodies). */
type DocumentedRoutes = Omit<CommandRoutes, 'checkBodyFirst'>;

function schemaOf(spec: BodyFieldSpec): SchemaObject {
  switch (spec.type) {
    case 'string':
      return {
        type: 'string',
        ...(spec.maxLength !== undefined ? { maxLength: spec.maxLength } : {}),
        ...(spec.enum ? { enum: [...spec.enum] } : {}),
      };
    case 'integer':
      return {
        type: 'integer',
        ...(spec.min !== undefined ? { minimum: spec.min } : {}),
        ...(spec.max !== undefined ? { maximum: spec.max } : {}),
      };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'boolean':
      return { type: 'boolean' };
    case 'object':
      // Without declared fields the object is free-form (a programme's facts, checked by the programme).
      return spec.fields ? objectSchema(spec.fields) : { type: 'object', additionalProperties: true };
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

function objectSchema(fields: readonly BodyFieldSpec[]): SchemaObject {
  const required = fields.filter((f) => f.required).map((f) => f.name);
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(fields.map((f) => [f.name, schemaOf(f)])),
    ...(required.length ? { required } : {}),
  };
}

const header = (name: string, required: boolean, description: string): ParameterObject => ({
  name,
  in: 'header',
  required,
  description,
  schema: { type: 'string' },
});

const PROBLEM: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 Problem Details with a stable code; a 400 lists the fields in errors',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, reason: { type: 'string' } } },
    },
  },
};

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** One command's operation: summary in Chinese and English, the body from the catalogue, headers, answers. */
function operationOf(
  routes: DocumentedRoutes,
  command: CommandRoute,
  opener: boolean,
  bodyRef: string,
): OperationObject {
  const noun = routes.aggregate;
  const problem = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
  });
  const parameters: ParameterObject[] = [
    ...(opener
      ? []
      : [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } } as ParameterObject,
          header('If-Match', true, 'The ETag you read, e.g. W/"3"'),
        ]),
    header('X-Correlation-Id', false, 'Carried into the event metadata; a new one when absent'),
    header(
      'Idempotency-Key',
      false,
      'Repeating a request with the same key returns the first answer; the same key with another command or body is a 409',
    ),
  ];
  return {
    tags: [routes.tag],
    security: [{ bearer: [] }],
    operationId: `${noun}_${command.name}`,
    // The catalogue's description may open with the policy's term; the Chinese title says it already.
    summary: `${command.titleZh} | ${pascal(command.description.replace(/^[\u3400-\u9fff（）]+: /, ''))}`,
    description: command.description,
    parameters,
    requestBody: { required: true, content: { 'application/json': { schema: { $ref: bodyRef } } } },
    responses: {
      [opener ? '201' : '200']: {
        description: opener
          ? `The new ${noun}; Location and ETag headers set`
          : `The ${noun} after the command; the ETag header is its new version`,
      },
      '400': problem('Invalid input: errors name the fields (body, id, If-Match, Idempotency-Key, X-Correlation-Id)'),
      '403': problem('Role, unit or scope'),
      ...(opener ? {} : { '404': problem(`No such ${noun}, or no such command (known lists the commands)`) }),
      '409': problem('Not allowed in this state, a conflict, or an Idempotency-Key used before for another request'),
      ...(opener ? {} : { '412': problem('Stale If-Match: reload and try again'), '428': problem('If-Match missing') }),
    },
  };
}

/**
 * Writes every command of each aggregate into the OpenAPI document from its catalogue: one
 * `POST <basePath>/{id}/<route>` per command with its body schema (a component per command),
 * and the opener's `POST <basePath>` when its controller leaves the description to the catalogue.
 * The route that serves them (`:id/:command`) is excluded from the document; these take its place.
 */
export function addCommandPaths(doc: OpenAPIObject, aggregates: readonly DocumentedRoutes[]): OpenAPIObject {
  const schemas = ((doc.components ??= {}).schemas ??= {});
  schemas.ProblemDetails = PROBLEM;
  for (const routes of aggregates) {
    const write = (command: CommandRoute, opener: boolean) => {
      const component = `${pascal(routes.aggregate)}${pascal(command.name)}Request`;
      schemas[component] = objectSchema(command.fields);
      const path = opener ? routes.basePath : `${routes.basePath}/{id}/${command.route}`;
      const operation = operationOf(routes, command, opener, `#/components/schemas/${component}`);
      doc.paths[path] = { ...doc.paths[path], post: operation };
    };
    for (const command of routes.commands) write(command, false);
    if (routes.documentOpener) write(routes.opener, true);
  }
  return doc;
}
