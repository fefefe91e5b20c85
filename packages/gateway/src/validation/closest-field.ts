import type { BaseIssue } from 'valibot';

/** The parts of a valibot schema that lead to the fields of a nested object. */
interface SchemaShape {
  type?: string;
  entries?: Record<string, unknown>;
  wrapped?: unknown;
  item?: unknown;
  value?: unknown;
  options?: unknown[];
}

/**
 * For a strict object's unknown-key issue (`Expected never but received "timeoutMS"`),
 * a hint naming the closest field the schema allows at that place (`did you mean
 * timeoutMs?`), found by walking `root` along the issue's path. Undefined for other
 * issues or when no allowed field is close enough.
 */
export function unknownFieldHint(issue: BaseIssue<unknown>, root: unknown): string | undefined {
  if (issue.type !== 'strict_object' || issue.expected !== 'never' || typeof issue.input !== 'string') return undefined;
  const keys = (issue.path ?? []).slice(0, -1).map((item) => (item as { key?: unknown }).key);
  let schemas = expand(root);
  for (const key of keys) schemas = schemas.flatMap((schema) => expand(child(schema, key)));
  const allowed = [...new Set(schemas.flatMap((schema) => Object.keys(schema.entries ?? {})))];
  const closest = closestName(issue.input, allowed);
  return closest ? `unknown field "${issue.input}", did you mean ${closest}?` : `unknown field "${issue.input}" (allowed: ${allowed.join(', ')})`;
}

/** The object schemas a schema stands for: optional/nullable wrappers removed, unions and variants opened. */
function expand(schema: unknown): SchemaShape[] {
  const shape = schema as SchemaShape | undefined;
  if (!shape || typeof shape !== 'object') return [];
  if (shape.wrapped) return expand(shape.wrapped);
  if (shape.options && (shape.type === 'variant' || shape.type === 'union')) return shape.options.flatMap(expand);
  return [shape];
}

function child(schema: SchemaShape, key: unknown): unknown {
  if (schema.entries && typeof key === 'string') return schema.entries[key];
  if (schema.type === 'array' && typeof key === 'number') return schema.item;
  if (schema.type === 'record') return schema.value;
  return undefined;
}

/** The allowed name nearest to `name`: same letters in another case first, else the smallest edit distance within a third of its length. */
export function closestName(name: string, allowed: readonly string[]): string | undefined {
  const folded = allowed.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (folded) return folded;
  let best: { name: string; distance: number } | undefined;
  for (const candidate of allowed) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
