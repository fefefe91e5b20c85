import { AccountDirectory, type FunctionRecord } from './account-directory.ts';
import { CallCounter } from './call-counter.ts';
import { ReservedConcurrency } from './reserved-concurrency.ts';
import { CredentialStore } from './credential-store.ts';
import type { ServiceName } from './errors.ts';
import { FunctionLoader } from './function-loader.ts';
import { InvocationRecorder } from './invocation-recorder.ts';
import type { OidcIssuer } from './oidc-issuer.ts';
import type { Scenario } from './scenario-schema.ts';
import { DOCUMENTED_STREAMING_LIMITS, type StreamingLimits } from './streaming-limits.ts';

/**
 * Everything a running local AWS knows and remembers, shared by all service
 * handlers: the scenario's accounts, issued credentials, function sandboxes,
 * call counts and the availability switches tests flip.
 */
export class LocalAwsState {
  readonly directory: AccountDirectory;
  readonly credentials: CredentialStore;
  readonly functions: FunctionLoader;
  readonly recorder = new InvocationRecorder();
  readonly counter = new CallCounter();
  private readonly limiters = new Map<string, ReservedConcurrency>();
  private readonly unavailable = new Set<ServiceName>();

  constructor(
    readonly scenario: Scenario,
    readonly now: () => number,
    /** Signs and verifies web identity tokens for every OIDC provider of the scenario. */
    readonly oidcIssuer: OidcIssuer,
    /** Size and bandwidth limits of streamed responses (InvokeWithResponseStream, RESPONSE_STREAM URLs). */
    readonly streamingLimits: StreamingLimits = DOCUMENTED_STREAMING_LIMITS,
  ) {
    this.directory = new AccountDirectory(scenario);
    this.credentials = new CredentialStore(this.directory, now);
    this.functions = new FunctionLoader(scenario.functionsDir);
  }

  /** Reserved concurrency is per function, shared by all its versions and aliases. */
  limiterFor(fn: FunctionRecord): ReservedConcurrency {
    let limiter = this.limiters.get(fn.arn);
    if (!limiter) {
      limiter = new ReservedConcurrency(fn.config.reservedConcurrency);
      this.limiters.set(fn.arn, limiter);
    }
    return limiter;
  }

  isAvailable(service: ServiceName): boolean {
    return !this.unavailable.has(service);
  }

  setAvailable(service: ServiceName, up: boolean): void {
    if (up) this.unavailable.delete(service);
    else this.unavailable.add(service);
  }

  /**
   * Runs work that outlives its request (Event invocations). Function failures
   * are already outcomes, so a rejection here is a local-AWS bug: make it loud.
   */
  runInBackground(work: Promise<unknown>): void {
    void work.catch((error: unknown) => console.error('[local-aws] background invocation failed:', error));
  }

  /** Stops queued work; running functions are left to finish on their own. */
  close(): void {
    for (const limiter of this.limiters.values()) limiter.close();
  }
}
