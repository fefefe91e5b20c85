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

const COLUMNS: Array<{ title: string; value: (row: RouteTableRow) => string }> = [
  { title: 'HOST', value: (row) => row.hostname ?? '*' },
  { title: 'ROUTE', value: (row) => row.route },
  { title: 'MATCH', value: (row) => describeMatch(row.match) },
  { title: 'BACKEND', value: (row) => row.backend },
  { title: 'FUNCTION', value: (row) => row.functionId },
  { title: 'QUALIFIER', value: (row) => row.qualifier ?? '-' },
  { title: 'INVOCATION', value: (row) => row.invocationMode },
  { title: 'PAYLOAD', value: (row) => row.payloadMode },
  { title: 'AUTH', value: (row) => row.auth },
  { title: 'FILTERS', value: (row) => row.filters.join(', ') || '-' },
];

/**
 * The route table as aligned text columns, in precedence order (the first row
 * that matches a request wins, within the virtual host its Host picks). The FILTERS column appears
 * only when a route has filters, the HOST column (`*`: any host) only when a route has hostnames.
 */
export function formatRouteTable(rows: readonly RouteTableRow[]): string {
  const hidden = new Set<string>();
  if (!rows.some((row) => row.filters.length > 0)) hidden.add('FILTERS');
  if (!rows.some((row) => row.hostname !== undefined)) hidden.add('HOST');
  const columns = COLUMNS.filter((column) => !hidden.has(column.title));
  const cells = [columns.map((column) => column.title), ...rows.map((row) => columns.map((column) => column.value(row)))];
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => line[index]!.length)));
  return cells.map((line) => line.map((cell, index) => (index === line.length - 1 ? cell : cell.padEnd(widths[index]!))).join('  ')).join('\n');
}
