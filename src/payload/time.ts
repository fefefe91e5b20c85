const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * API Gateway's request time, Common Log Format in UTC: `12/Mar/2020:19:03:58 +0000`
 * (requestContext.time in v2, requestContext.requestTime in v1).
 */
export function formatRequestTime(epochMs: number): string {
  const d = new Date(epochMs);
  const date = `${pad2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}`;
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return `${date}:${time} +0000`;
}
