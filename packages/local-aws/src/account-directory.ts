import type { PolicyDocument } from './policy-schema.ts';
import { iamUserPrincipal, parseRoleArn, roleArn, type CallerPrincipal, type IamUserPrincipal } from './principals.ts';
import type { FunctionConfig, OidcProviderConfig, RoleConfig, Scenario } from './scenario-schema.ts';

/** A Lambda function placed in its account and region. */
export interface FunctionRecord {
  accountId: string;
  region: string;
  name: string;
  /** Unqualified ARN: `arn:aws:lambda:R:A:function:N`. */
  arn: string;
  config: FunctionConfig;
}

/** An IAM role placed in its account. */
export interface RoleRecord {
  accountId: string;
  name: string;
  arn: string;
  config: RoleConfig;
}

/** A long-term (IAM user) access key. */
export interface LongTermKey {
  accessKeyId: string;
  secretAccessKey: string;
  principal: IamUserPrincipal;
}

/** Builds the unqualified function ARN. */
export const functionArn = (region: string, accountId: string, name: string): string => `arn:aws:lambda:${region}:${accountId}:function:${name}`;

/**
 * Read-only lookups over a validated scenario: who owns an access key, which
 * policies apply to a caller, where a function or role lives. Built once per
 * server so request handling never walks the scenario tree.
 */
/** The `<url-id>` of a function's URL: configured, or `<name lower-cased>-<account id>`. */
export function functionUrlId(fn: FunctionRecord): string {
  return fn.config.functionUrl?.urlId ?? `${fn.name.toLowerCase().replaceAll('_', '-')}-${fn.accountId}`;
}

export class AccountDirectory {
  readonly defaultRegion: string;
  readonly functionsDir: string;
  private readonly keys = new Map<string, LongTermKey>();
  private readonly roles = new Map<string, RoleRecord>();
  private readonly functions = new Map<string, FunctionRecord>();
  private readonly functionUrls = new Map<string, FunctionRecord>();
  private readonly userPolicies = new Map<string, readonly PolicyDocument[]>();

  constructor(readonly scenario: Scenario) {
    this.defaultRegion = scenario.defaultRegion;
    this.functionsDir = scenario.functionsDir;
    for (const [accountId, account] of Object.entries(scenario.accounts)) {
      for (const [userName, user] of Object.entries(account.users)) {
        const principal = iamUserPrincipal(accountId, userName);
        this.userPolicies.set(principal.arn, user.policies);
        for (const key of user.accessKeys) this.keys.set(key.accessKeyId, { ...key, principal });
      }
      for (const [name, config] of Object.entries(account.roles)) {
        const arn = roleArn(accountId, name);
        this.roles.set(arn, { accountId, name, arn, config });
      }
      for (const [name, config] of Object.entries(account.functions)) {
        const region = config.region ?? scenario.defaultRegion;
        const arn = functionArn(region, accountId, name);
        const record = { accountId, region, name, arn, config };
        this.functions.set(arn, record);
        if (config.functionUrl) {
          const urlId = functionUrlId(record);
          const taken = this.functionUrls.get(urlId);
          if (taken) throw new Error(`scenario: functions ${taken.arn} and ${arn} both have the Function URL id "${urlId}" (set functionUrl.urlId)`);
          this.functionUrls.set(urlId, record);
        }
      }
    }
  }

  /** The IAM user key with this id, if the scenario defines one. */
  longTermKey(accessKeyId: string): LongTermKey | undefined {
    return this.keys.get(accessKeyId);
  }

  /** Looks a role up by ARN (a path in the ARN is ignored, as role names are unique per account). */
  role(arn: string): RoleRecord | undefined {
    const parsed = parseRoleArn(arn);
    return parsed && this.roles.get(roleArn(parsed.accountId, parsed.roleName));
  }

  /** The OIDC provider for an issuer (`host/path`, no scheme) registered in `accountId`, if any. */
  oidcProvider(accountId: string, issuerHostPath: string): OidcProviderConfig | undefined {
    const providers = this.scenario.accounts[accountId]?.oidcProviders ?? {};
    return Object.hasOwn(providers, issuerHostPath) ? providers[issuerHostPath] : undefined;
  }

  /** Issuer URLs (`https://host/path`) of every OIDC provider, in scenario order (for minting test tokens). */
  oidcIssuers(): string[] {
    return Object.values(this.scenario.accounts).flatMap((account) => Object.keys(account.oidcProviders).map((key) => `https://${key}`));
  }

  /** The function `name` in `accountId`/`region`, if it exists there. */
  lambdaFunction(accountId: string, region: string, name: string): FunctionRecord | undefined {
    return this.functions.get(functionArn(region, accountId, name));
  }

  /** The function whose Function URL has this `<url-id>`, if any. */
  functionByUrlId(urlId: string): FunctionRecord | undefined {
    return this.functionUrls.get(urlId);
  }

  /** Every function, for start-up checks and demos. */
  allFunctions(): FunctionRecord[] {
    return [...this.functions.values()];
  }

  /** Identity-based policies in force for a caller: the user's, or the session's role's. */
  identityPoliciesOf(caller: CallerPrincipal): readonly PolicyDocument[] {
    if (caller.kind === 'user') return this.userPolicies.get(caller.arn) ?? [];
    return this.roles.get(caller.roleArn)?.config.policies ?? [];
  }
}
