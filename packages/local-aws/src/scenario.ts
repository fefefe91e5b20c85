import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { crossFieldProblems } from './scenario-checks.ts';
import { ScenarioSchema, type Scenario, type ScenarioInput } from './scenario-schema.ts';
import { substituteVariables, UndefinedVariableError } from './scenario-variables.ts';

/** A scenario that failed to load; `problems` are "path: message" lines. */
export class ScenarioError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid scenario ${source}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ScenarioError';
  }
}

type Issue = v.BaseIssue<unknown>;
type PathKey = string | number;

/** An issue with its path made absolute (nested union issues carry paths relative to the union). */
interface LocatedIssue {
  issue: Issue;
  path: PathKey[];
}

const pathOf = (issue: Issue): PathKey[] => (issue.path ?? []).map((item) => item.key as PathKey);

/**
 * valibot reports a failed union as one issue at the union's path; the useful
 * detail (e.g. the misspelt key inside a Principal object) sits in the nested
 * issues. Surface the nested ones that reach deeper into the value.
 */
function leafIssues(located: LocatedIssue): LocatedIssue[] {
  const deeper = (located.issue.issues ?? []).filter((nested) => (nested.path?.length ?? 0) > 0);
  if (!deeper.length) return [located];
  return deeper.flatMap((nested) => leafIssues({ issue: nested, path: [...located.path, ...pathOf(nested)] }));
}

function describeIssue({ issue, path }: LocatedIssue): string {
  const dotted = path.length ? path.join('.') : '(root)';
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    return `${dotted}: unknown field (not part of the scenario format)`;
  }
  return `${dotted}: ${issue.message}`;
}

/**
 * Validates a scenario object. `baseDir` anchors a relative functionsDir.
 * Throws ScenarioError naming `source` and each offending field path.
 */
export function parseScenario(raw: unknown, options: { source: string; baseDir: string }): Scenario {
  let substituted: unknown = raw;
  const variables = (raw as { variables?: unknown } | null)?.variables ?? {};
  try {
    // A malformed `variables` entry is left for the schema to report.
    if (typeof variables === 'object' && variables !== null) {
      substituted = substituteVariables(raw, variables as Record<string, string>);
    }
  } catch (error) {
    if (error instanceof UndefinedVariableError) throw new ScenarioError(options.source, [error.message]);
    throw error;
  }
  const result = v.safeParse(ScenarioSchema, substituted);
  if (!result.success) {
    const located = result.issues.flatMap((issue) => leafIssues({ issue, path: pathOf(issue) }));
    const problems = [...new Set(located.map(describeIssue))];
    throw new ScenarioError(options.source, problems);
  }
  const scenario: Scenario = { ...result.output, functionsDir: resolve(options.baseDir, result.output.functionsDir) };
  const problems = crossFieldProblems(scenario);
  if (problems.length) throw new ScenarioError(options.source, problems);
  return scenario;
}

/**
 * Reads a YAML or JSON scenario file (by extension; YAML otherwise) and
 * validates it. functionsDir resolves relative to the file.
 */
export async function loadScenario(path: string): Promise<Scenario> {
  const absolute = resolve(path);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    // A ScenarioError like any other load failure, so the CLI names the file the same way.
    const { code, message } = error as NodeJS.ErrnoException;
    throw new ScenarioError(absolute, [`cannot read file: ${code === 'ENOENT' ? 'no such file' : message}`]);
  }
  let raw: unknown;
  try {
    raw = extname(absolute).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ScenarioError(absolute, [`cannot parse file: ${(error as Error).message}`]);
  }
  return parseScenario(raw, { source: absolute, baseDir: dirname(absolute) });
}

/** Accepts a file path or an in-memory scenario (relative functionsDir then resolves against the cwd). */
export async function resolveScenario(scenario: Scenario | ScenarioInput | string): Promise<Scenario> {
  if (typeof scenario === 'string') return loadScenario(scenario);
  return parseScenario(scenario, { source: '(inline scenario)', baseDir: process.cwd() });
}
