const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Largest |epoch ms| a Date can hold (ECMAScript time value range). */
const MAX_TIME = 8.64e15;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function format(epochMs: number): string {
  const d = new Date(epochMs);
  const date = `${pad2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}`;
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return `${date}:${time} +0000`;
}

// The text only changes once a second, and requests arriving together share it: keep the last one.
let cachedSecond = NaN;
let cachedText = '';

/**
 * API Gateway's request time, Common Log Format in UTC: `12/Mar/2020:19:03:58 +0000`
 * (requestContext.time in v2, requestContext.requestTime in v1).
 */
export function formatRequestTime(epochMs: number): string {
  // Date truncates a fractional time value toward zero; key the cache on the same whole millisecond.
  const ms = Math.trunc(epochMs);
  if (!(ms >= -MAX_TIME && ms <= MAX_TIME)) return format(epochMs);
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    cachedText = format(ms);
    cachedSecond = second;
  }
  return cachedText;
}
