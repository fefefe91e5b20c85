import type { Logger } from '../logging/index.ts';

/**
 * Process warnings (`process.emitWarning`) as log lines at warn instead of
 * text on stderr, so that `serve` writes only JSON lines. The one expected in
 * practice: on Node 20, the AWS SDK's credential providers, the first time
 * they build an STS client, warn that SDK releases after January 2027 need
 * Node 22 (`NodeVersionSupportWarning`).
 *
 * Node prints warnings through a 'warning' listener of its own, which it adds
 * at start-up unless told not to (`--no-warnings`, `NODE_NO_WARNINGS=1`); a
 * listener added next to it would not stop that print, so this replaces the
 * listeners there are. It is called first thing in `serve`, when Node's is the
 * only one. Without any (warnings turned off), warnings stay off: nothing is
 * logged either. `AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true` would
 * silence the SDK's warning alone, and would hide it from the logs too.
 */
export function logProcessWarnings(logger: Logger): void {
  if (process.listenerCount('warning') === 0) return;
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    // `--no-deprecation` silences deprecations only; Node's own listener honours it too.
    if (warning.name === 'DeprecationWarning' && process.noDeprecation) return;
    logger.warn('process warning', describeWarning(warning));
  });
}

/**
 * The warning's kind and text on one line. A warning emitted as a bare string
 * (as the SDK does) is named `Warning`, its kind being the message's prefix
 * (`NodeVersionSupportWarning: …`).
 */
export function describeWarning(warning: Error & { code?: string }): Record<string, string> {
  const prefixed = warning.name === 'Warning' ? /^(?<kind>[A-Z]\w*Warning): (?<text>[\s\S]*)$/.exec(warning.message)?.groups : undefined;
  const fields: Record<string, string> = {
    warning: prefixed?.kind ?? warning.name,
    detail: (prefixed?.text ?? warning.message).replace(/\s+/g, ' ').trim(),
  };
  if (warning.code) fields.code = warning.code;
  return fields;
}
