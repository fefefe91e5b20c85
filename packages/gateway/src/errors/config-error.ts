/**
 * Thrown when user input (config file, manifest, programmatic options) is
 * invalid: one line per problem, each `field.path: reason`, optionally under
 * the file or label it came from. Raised at start-up, never on the request
 * path (which only throws GatewayError).
 */
export class ConfigError extends Error {
  readonly problems: string[];
  readonly source: string | undefined;

  constructor(problems: string[], source?: string) {
    super(`${source ? `${source}: ` : ''}${problems.length === 1 ? problems[0] : `\n  ${problems.join('\n  ')}`}`);
    this.name = 'ConfigError';
    this.problems = problems;
    this.source = source;
  }
}
