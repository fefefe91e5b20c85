import type { RecordedInvocation } from './api-types.ts';
/**
 * Remembers what functions received, for tests to inspect. Bounded, because
 * a long demo run would otherwise keep every payload (up to 6 MB each) forever.
 */
export declare class InvocationRecorder {
    private readonly maxEntries;
    private readonly entries;
    constructor(maxEntries?: number);
    /** Stores an invocation and returns the stored object (its `outcome` is filled in later). */
    record(invocation: RecordedInvocation): RecordedInvocation;
    /** All entries, or those of one function given by bare name or unqualified ARN. */
    list(functionName?: string): RecordedInvocation[];
}
