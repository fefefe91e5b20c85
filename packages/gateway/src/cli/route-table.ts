import type { RouteTableRow } from '../core/index.ts';
import type { HttpRouteMatch } from '../routing/index.ts';

/** `PathPrefix /echo POST x-tenant=blue ?v=2`: one match, the way `check` prints it. */
export function describeMatch(match: HttpRouteMatch): string {
  const parts = [`${match.path.type} ${match.path.value}`];
  if (match.method) parts.push(match.method);
  for (const header of match.headers ?? []) parts.push(`${header.name}${header.type === 'Exact' ? '=' : '~'}${header.value}`);
  for (const param of match.queryParams ?? []) parts.push(`?${param.name}${param.type === 'Exact' ? '=' : '~'}${param.value}`);
  return parts.join(' ');
}

const COLUMNS: Array<{ title: string; value: (row: RouteTableRow, listeners: ReadonlyMap<string, string[]>) => string }> = [
  { title: 'LISTENERS', value: (row, listeners) => listeners.get(row.route)?.join(', ') || '-' },
  { title: 'HOST', value: (row) => row.hostname ?? '*' },
  { title: 'ROUTE', value: (row) => row.route },
  { title: 'MATCH', value: (row) => describeMatch(row.match) },
  { title: 'BACKEND', value: (row) => row.weights?.map(({ backend, weight }) => `${backend} weight ${weight}`).join(', ') ?? row.backend },
  { title: 'FUNCTION', value: (row) => row.functionId },
  { title: 'QUALIFIER', value: (row) => row.qualifier ?? '-' },
  { title: 'INVOCATION', value: (row) => row.invocationMode },
  { title: 'PAYLOAD', value: (row) => row.payloadMode },
  { title: 'AUTH', value: (row) => row.auth },
  { title: 'FILTERS', value: (row) => row.filters.join(', ') || '-' },
  { title: 'REDIRECT', value: (row) => row.redirect ?? '-' },
];

/**
 * The route table as aligned text columns, in precedence order (the first row
 * that matches a request wins, within the virtual host its Host picks). The FILTERS column appears
 * only when a route has filters, the HOST column (`*`: any host) only when a route has hostnames,
 * the REDIRECT column only when a route redirects. A weighted split lists every backend with its
 * weight in BACKEND; the FUNCTION to AUTH columns then describe the first one.
 */
export function formatRouteTable(rows: readonly RouteTableRow[], listeners: ReadonlyMap<string, string[]> = new Map()): string {
  const hidden = new Set<string>();
  // The LISTENERS column (Gateway listeners a row's route is attached to) only when there are Gateway listeners.
  if (listeners.size === 0 || ![...listeners.values()].some((names) => names.length > 0)) hidden.add('LISTENERS');
  if (!rows.some((row) => row.filters.length > 0)) hidden.add('FILTERS');
  if (!rows.some((row) => row.hostname !== undefined)) hidden.add('HOST');
  if (!rows.some((row) => row.redirect !== undefined)) hidden.add('REDIRECT');
  const columns = COLUMNS.filter((column) => !hidden.has(column.title));
  const cells = [columns.map((column) => column.title), ...rows.map((row) => columns.map((column) => column.value(row, listeners)))];
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => line[index]!.length)));
  return cells.map((line) => line.map((cell, index) => (index === line.length - 1 ? cell : cell.padEnd(widths[index]!))).join('  ')).join('\n');
}
