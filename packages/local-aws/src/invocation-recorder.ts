import type { RecordedInvocation } from './api-types.ts';

/**
 * Remembers what functions received, for tests to inspect. Bounded, because
 * a long demo run would otherwise keep every payload (up to 6 MB each) forever.
 */
export class InvocationRecorder {
  private readonly entries: RecordedInvocation[] = [];

  constructor(private readonly maxEntries = 500) {}

  /** Stores an invocation and returns the stored object (its `outcome` is filled in later). */
  record(invocation: RecordedInvocation): RecordedInvocation {
    this.entries.push(invocation);
    if (this.entries.length > this.maxEntries) this.entries.splice(0, this.entries.length - this.maxEntries);
    return invocation;
  }

  /** All entries, or those of one function given by bare name or unqualified ARN. */
  list(functionName?: string): RecordedInvocation[] {
    if (functionName === undefined) return [...this.entries];
    return this.entries.filter((entry) => entry.functionArn === functionName || entry.functionArn.endsWith(`:function:${functionName}`));
  }
}
