import { AccountDirectory, type FunctionRecord } from './account-directory.ts';
import { CallCounter } from './call-counter.ts';
import { ConcurrencyLimiter } from './concurrency-limiter.ts';
import { CredentialStore } from './credential-store.ts';
import type { ServiceName } from './errors.ts';
import { FunctionLoader } from './function-loader.ts';
import { InvocationRecorder } from './invocation-recorder.ts';
import type { OidcIssuer } from './oidc-issuer.ts';
import type { Scenario } from './scenario-schema.ts';
/**
 * Everything a running local AWS knows and remembers, shared by all service
 * handlers: the scenario's accounts, issued credentials, function sandboxes,
 * call counts and the availability switches tests flip.
 */
export declare class LocalAwsState {
    readonly scenario: Scenario;
    readonly now: () => number;
    /** Signs and verifies web identity tokens for every OIDC provider of the scenario. */
    readonly oidcIssuer: OidcIssuer;
    readonly directory: AccountDirectory;
    readonly credentials: CredentialStore;
    readonly functions: FunctionLoader;
    readonly recorder: InvocationRecorder;
    readonly counter: CallCounter;
    private readonly limiters;
    private readonly unavailable;
    constructor(scenario: Scenario, now: () => number, 
    /** Signs and verifies web identity tokens for every OIDC provider of the scenario. */
    oidcIssuer: OidcIssuer);
    /** Reserved concurrency is per function, shared by all its versions and aliases. */
    limiterFor(fn: FunctionRecord): ConcurrencyLimiter;
    isAvailable(service: ServiceName): boolean;
    setAvailable(service: ServiceName, up: boolean): void;
    /**
     * Runs work that outlives its request (Event invocations). Function failures
     * are already outcomes, so a rejection here is a local-AWS bug: make it loud.
     */
    runInBackground(work: Promise<unknown>): void;
    /** Stops queued work; running functions are left to finish on their own. */
    close(): void;
}
