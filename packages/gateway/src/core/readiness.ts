import { CredentialsUnavailableError, withDeadline } from '../credentials/index.ts';
import { GatewayError } from '../errors/index.ts';
import type { BoundBackend } from './bound-backend.ts';

/** How long a readiness check waits for one credential source before calling it failing. */
const CREDENTIAL_CHECK_TIMEOUT_MS = 3_000;

/**
 * Whether the process should receive traffic: configuration loaded (it is, once
 * a gateway is compiled), listener up, not draining. Credentials are not part
 * of it unless `requireAllBackends`: one backend whose credentials fail answers
 * 503 CredentialsUnavailable on its own routes and must not take the working
 * routes down with it (a pod that is not Ready gets no traffic at all).
 */
export class ReadinessState {
  #listening = false;
  #draining = false;
  readonly requireAllBackends: boolean;

  constructor(options: { requireAllBackends?: boolean | undefined; listening?: boolean } = {}) {
    this.requireAllBackends = options.requireAllBackends === true;
    this.#listening = options.listening ?? false;
  }

  markListening(): void {
    this.#listening = true;
  }

  startDraining(): void {
    this.#draining = true;
  }

  get listening(): boolean {
    return this.#listening;
  }

  get draining(): boolean {
    return this.#draining;
  }
}

/** One backend's credentials, checked now. `reason` names the source, never a key. */
export interface BackendCredentialCheck {
  backend: string;
  credentials: string;
  ok: boolean;
  reason?: string;
}

/** Obtains every backend's credentials (cached ones answer at once), each within a deadline. */
export function checkBackendCredentials(backends: readonly BoundBackend[]): Promise<BackendCredentialCheck[]> {
  return Promise.all(
    backends.map(async (backend): Promise<BackendCredentialCheck> => {
      const base = { backend: backend.name, credentials: backend.credentials.description };
      try {
        await withDeadline(backend.credentials.getCredentials(), CREDENTIAL_CHECK_TIMEOUT_MS);
        return { ...base, ok: true };
      } catch (error) {
        const reason =
          error instanceof CredentialsUnavailableError || error instanceof GatewayError
            ? error.message
            : `credentials could not be obtained: ${(error as Error).message}`;
        return { ...base, ok: false, reason };
      }
    }),
  );
}

/** The readiness verdict with the checks it rests on (the admin port shows them; the traffic port only the status). */
export async function evaluateReadiness(
  state: ReadinessState,
  backends: readonly BoundBackend[],
): Promise<{ ready: boolean; listening: boolean; draining: boolean; backends: BackendCredentialCheck[] }> {
  const checks = await checkBackendCredentials(backends);
  const credentialsOk = !state.requireAllBackends || checks.every((check) => check.ok);
  return { ready: state.listening && !state.draining && credentialsOk, listening: state.listening, draining: state.draining, backends: checks };
}
