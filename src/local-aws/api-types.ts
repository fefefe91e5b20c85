import type { Scenario, ScenarioInput } from './scenario-schema.ts';

/** Services whose availability tests can toggle. */
export type ToggleableService = 'lambda' | 'sts';

export interface StartLocalAwsOptions {
  /** A scenario object (validated here) or the path of a YAML/JSON scenario file. */
  scenario: Scenario | ScenarioInput | string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Receives one structured entry per request; default: silent. */
  log?: (entry: Record<string, unknown>) => void;
  /**
   * Test hook: the clock for signature skew and credential expiry
   * (epoch milliseconds). Defaults to Date.now.
   */
  clock?: () => number;
}

/** What a function received, in the order invocations started. */
export interface RecordedInvocation {
  requestId: string;
  /** Unqualified function ARN. */
  functionArn: string;
  /** The qualifier the caller asked for (undefined for an unqualified call). */
  qualifier: string | undefined;
  /** `$LATEST` or the version that ran (an alias's target). */
  executedVersion: string;
  invocationType: 'RequestResponse' | 'Event';
  event: unknown;
  /** ARN of the signer: an IAM user or an assumed-role session. */
  callerArn: string;
  clientContext: unknown;
  at: Date;
  /** Filled in when the function finishes. */
  outcome?: { functionError?: string; errorType?: string; payload: string; durationMs: number };
}

/** A running local AWS. */
export interface LocalAws {
  /** Origin serving Lambda and STS alike, e.g. http://127.0.0.1:43121. */
  url: string;
  port: number;
  close(): Promise<void>;
  /** Requests received per action, named `service:Action` (e.g. `lambda:Invoke`, `sts:AssumeRole`). */
  calls(action: string): number;
  resetCalls(): void;
  /** Down: every request to the service gets its real 503 error shape. */
  setServiceAvailable(service: ToggleableService, up: boolean): void;
  /** Invocations recorded, optionally only those of one function (bare name or unqualified ARN). */
  invocations(functionName?: string): RecordedInvocation[];
}
