import type { PolicyDocument } from './policy-schema.ts';
import { type CallerPrincipal, type IamUserPrincipal } from './principals.ts';
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
export declare const functionArn: (region: string, accountId: string, name: string) => string;
/**
 * Read-only lookups over a validated scenario: who owns an access key, which
 * policies apply to a caller, where a function or role lives. Built once per
 * server so request handling never walks the scenario tree.
 */
export declare class AccountDirectory {
    readonly scenario: Scenario;
    readonly defaultRegion: string;
    readonly functionsDir: string;
    private readonly keys;
    private readonly roles;
    private readonly functions;
    private readonly userPolicies;
    constructor(scenario: Scenario);
    /** The IAM user key with this id, if the scenario defines one. */
    longTermKey(accessKeyId: string): LongTermKey | undefined;
    /** Looks a role up by ARN (a path in the ARN is ignored, as role names are unique per account). */
    role(arn: string): RoleRecord | undefined;
    /** The OIDC provider for an issuer (`host/path`, no scheme) registered in `accountId`, if any. */
    oidcProvider(accountId: string, issuerHostPath: string): OidcProviderConfig | undefined;
    /** Issuer URLs (`https://host/path`) of every OIDC provider, in scenario order (for minting test tokens). */
    oidcIssuers(): string[];
    /** The function `name` in `accountId`/`region`, if it exists there. */
    lambdaFunction(accountId: string, region: string, name: string): FunctionRecord | undefined;
    /** Every function, for start-up checks and demos. */
    allFunctions(): FunctionRecord[];
    /** Identity-based policies in force for a caller: the user's, or the session's role's. */
    identityPoliciesOf(caller: CallerPrincipal): readonly PolicyDocument[];
}
