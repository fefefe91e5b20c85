/**
 * Log lines for stdout, written once per event-loop turn instead of once per
 * line. Under load the gateway logs one access line per request; when stdout
 * is a file or a pipe, every `process.stdout.write` is a synchronous syscall,
 * and batching them removed one of the larger items in the profile. Lines keep
 * their order; whatever is pending is written synchronously when the process
 * exits, so nothing is lost on a normal shutdown or `process.exit()`.
 */
let pending: string[] = [];
let scheduled = false;
let exitHookInstalled = false;

function flush(): void {
  scheduled = false;
  if (pending.length === 0) return;
  const text = `${pending.join('\n')}\n`;
  pending = [];
  process.stdout.write(text);
}

/** Queues one line (without its newline) for stdout. */
export function writeStdoutLine(line: string): void {
  pending.push(line);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', flush);
  }
  // Bounded: a long synchronous burst is written in slices, never held whole.
  if (pending.length >= 512) flush();
  else if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}
