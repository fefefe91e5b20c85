import type { Scenario, ScenarioInput } from './scenario-schema.ts';
import type { StreamingLimits } from './streaming-limits.ts';

/** Services whose availability tests can toggle (`container`: the container-credentials endpoint). */
export type ToggleableService = 'lambda' | 'sts' | 'container';

/** Claims of a web identity token minted by the local OIDC issuer. */
export interface WebIdentityTokenOptions {
  /** e.g. `system:serviceaccount:gloo-system:http`. */
  sub: string;
  /** Default `sts.amazonaws.com`. */
  audience?: string | string[];
  /** Default 3600; negative for an already expired token. */
  expiresInSeconds?: number;
  /** `https://host/path`; default the scenario's first OIDC provider. A foreign issuer tests InvalidIdentityToken. */
  issuer?: string;
}

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
  /**
   * Streamed-response limits; default Lambda's documented ones (200 MB, the
   * first 6 MB uncapped, then 2 MB/s). Tests shrink them to run fast; a bench
   * that measures a gateway sets `cappedBytesPerSecond: Infinity`.
   */
  streaming?: Partial<StreamingLimits>;
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
  /**
   * Requests received per action, named `service:Action` (`lambda:Invoke`, `sts:AssumeRole`,
   * `sts:AssumeRoleWithWebIdentity`, `container:GetCredentials`).
   */
  calls(action: string): number;
  resetCalls(): void;
  /** Down: every request to the service gets its real 503 error shape. */
  setServiceAvailable(service: ToggleableService, up: boolean): void;
  /** Invocations recorded, optionally only those of one function (bare name or unqualified ARN). */
  invocations(functionName?: string): RecordedInvocation[];
  /** `AWS_CONTAINER_CREDENTIALS_FULL_URI` for the scenario's `containerCredentials` (EKS Pod Identity). */
  containerCredentialsUrl: string;
  /** The loopback Function URL (`<url>/lambda-url/<url-id>/`) of a scenario function with `functionUrl:`. */
  functionUrl(functionName: string, accountId?: string): string;
  /**
   * An RS256 ID token signed by the local OIDC issuer, as the kubelet projects
   * for IRSA: write it to the file `AWS_WEB_IDENTITY_TOKEN_FILE` names.
   */
  mintWebIdentityToken(options: WebIdentityTokenOptions): Promise<string>;
  /**
   * Every temporary credential STS and the container endpoint issued (bounded,
   * see CredentialStore), so tests can assert that none of them leaks into logs.
   */
  issuedCredentials(): Array<{ accessKeyId: string; secretAccessKey: string; sessionToken: string; arn: string }>;
}
