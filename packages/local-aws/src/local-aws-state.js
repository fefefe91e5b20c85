import { AccountDirectory } from "./account-directory.js";
import { CallCounter } from "./call-counter.js";
import { ConcurrencyLimiter } from "./concurrency-limiter.js";
import { CredentialStore } from "./credential-store.js";
import { FunctionLoader } from "./function-loader.js";
import { InvocationRecorder } from "./invocation-recorder.js";
/**
 * Everything a running local AWS knows and remembers, shared by all service
 * handlers: the scenario's accounts, issued credentials, function sandboxes,
 * call counts and the availability switches tests flip.
 */
export class LocalAwsState {
    scenario;
    now;
    oidcIssuer;
    directory;
    credentials;
    functions;
    recorder = new InvocationRecorder();
    counter = new CallCounter();
    limiters = new Map();
    unavailable = new Set();
    constructor(scenario, now, 
    /** Signs and verifies web identity tokens for every OIDC provider of the scenario. */
    oidcIssuer) {
        this.scenario = scenario;
        this.now = now;
        this.oidcIssuer = oidcIssuer;
        this.directory = new AccountDirectory(scenario);
        this.credentials = new CredentialStore(this.directory, now);
        this.functions = new FunctionLoader(scenario.functionsDir);
    }
    /** Reserved concurrency is per function, shared by all its versions and aliases. */
    limiterFor(fn) {
        let limiter = this.limiters.get(fn.arn);
        if (!limiter) {
            limiter = new ConcurrencyLimiter(fn.config.reservedConcurrency);
            this.limiters.set(fn.arn, limiter);
        }
        return limiter;
    }
    isAvailable(service) {
        return !this.unavailable.has(service);
    }
    setAvailable(service, up) {
        if (up)
            this.unavailable.delete(service);
        else
            this.unavailable.add(service);
    }
    /**
     * Runs work that outlives its request (Event invocations). Function failures
     * are already outcomes, so a rejection here is a local-AWS bug: make it loud.
     */
    runInBackground(work) {
        void work.catch((error) => console.error('[local-aws] background invocation failed:', error));
    }
    /** Stops queued work; running functions are left to finish on their own. */
    close() {
        for (const limiter of this.limiters.values())
            limiter.close();
    }
}
