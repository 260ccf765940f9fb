import type { BodyFieldSpec } from '@casework/domain';
import { DomainError, validationError, type FieldProblem } from '@casework/kernel';

/** One command of an aggregate's catalogue, as its route and its OpenAPI description need it. */
export interface CommandRoute<N extends string = string> {
  /** The command's name in the catalogue, e.g. `returnForSupplement`. */
  name: N;
  /** Last URL segment, e.g. `return-for-supplement`; the opener's is not used (it is POSTed to the collection). */
  route: string;
  titleZh: string;
  description: string;
  fields: readonly BodyFieldSpec[];
}

/**
 * The command routes of one aggregate, built from its catalogue: `POST <basePath>/:id/<route>` for
 * every command but the one that opens the aggregate (`POST <basePath>`, its own controller).
 */
export interface CommandRoutes<N extends string = string> {
  aggregate: 'case' | 'household';
  /** In Chinese, for messages: 案件, 帮扶户. */
  nounZh: string;
  basePath: string;
  tag: string;
  commands: readonly CommandRoute<N>[];
  opener: CommandRoute<N>;
  /**
   * The body check the route runs before the handler, so a malformed body is a 400 naming the
   * field whatever the caller's role or scope, and whatever the aggregate's state. Every command
   * takes an Idempotency-Key as well.
   */
  checkBodyFirst: (name: N, body: unknown) => FieldProblem[];
  /** Whether the opener's OpenAPI comes from here (households) or from its request DTO (cases: `applicationDate`). */
  documentOpener: boolean;
}

interface CatalogueEntry {
  route: string;
  description: string;
  fields: readonly BodyFieldSpec[];
}

/**
 * Reads a command catalogue into routes. `titlesZh` gives each route segment its Chinese name;
 * a catalogue entry without one stops the application at start-up rather than go undocumented.
 */
export function commandRoutesOf<N extends string, S extends CatalogueEntry>(
  catalogue: Readonly<Record<N, S>>,
  opens: (spec: S) => boolean,
  titlesZh: Readonly<Record<string, string>>,
  rest: Omit<CommandRoutes<N>, 'commands' | 'opener'>,
): CommandRoutes<N> {
  const all = (Object.entries(catalogue) as [N, S][]).map(([name, spec]) => {
    const titleZh = titlesZh[spec.route];
    if (!titleZh) throw new Error(`The ${rest.aggregate} command ${name} (${spec.route}) has no Chinese title`);
    return {
      name,
      spec,
      route: { name, route: spec.route, titleZh, description: spec.description, fields: spec.fields },
    };
  });
  const [opener, ...otherOpeners] = all.filter((c) => opens(c.spec));
  if (!opener || otherOpeners.length > 0)
    throw new Error(`The ${rest.aggregate} catalogue must have exactly one opening command`);
  return {
    ...rest,
    commands: all.filter((c) => !opens(c.spec)).map((c) => c.route),
    opener: opener.route,
  };
}

/** The command a URL segment names; an unknown segment is a 404 that lists the known ones. */
export function resolveCommand<N extends string>(routes: CommandRoutes<N>, segment: string): CommandRoute<N> {
  const command = routes.commands.find((c) => c.route === segment);
  if (command) return command;
  const known = routes.commands.map((c) => c.route);
  throw new DomainError(
    'not_found',
    'UNKNOWN_COMMAND',
    `没有这个${routes.nounZh}命令：“${segment.slice(0, 64)}”。There is no such ${routes.aggregate} command; known: ${known.join(', ')}.`,
    { command: segment.slice(0, 64), known },
  );
}

/** The body, checked by the catalogue before anything else; 400 naming every bad field. */
export function checkBodyFirst<N extends string>(
  routes: CommandRoutes<N>,
  command: CommandRoute<N>,
  body: unknown,
): unknown {
  const problems = routes.checkBodyFirst(command.name, body);
  if (problems.length) throw validationError(problems);
  return body;
}

/** The request headers a command route reads (lower case, as Node gives them). */
export interface CommandHeaders {
  'if-match'?: string;
  'idempotency-key'?: string;
  'x-correlation-id'?: string;
}
