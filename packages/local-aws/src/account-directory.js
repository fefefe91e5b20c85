import { iamUserPrincipal, parseRoleArn, roleArn } from "./principals.js";
/** Builds the unqualified function ARN. */
export const functionArn = (region, accountId, name) => `arn:aws:lambda:${region}:${accountId}:function:${name}`;
/**
 * Read-only lookups over a validated scenario: who owns an access key, which
 * policies apply to a caller, where a function or role lives. Built once per
 * server so request handling never walks the scenario tree.
 */
export class AccountDirectory {
    scenario;
    defaultRegion;
    functionsDir;
    keys = new Map();
    roles = new Map();
    functions = new Map();
    userPolicies = new Map();
    constructor(scenario) {
        this.scenario = scenario;
        this.defaultRegion = scenario.defaultRegion;
        this.functionsDir = scenario.functionsDir;
        for (const [accountId, account] of Object.entries(scenario.accounts)) {
            for (const [userName, user] of Object.entries(account.users)) {
                const principal = iamUserPrincipal(accountId, userName);
                this.userPolicies.set(principal.arn, user.policies);
                for (const key of user.accessKeys)
                    this.keys.set(key.accessKeyId, { ...key, principal });
            }
            for (const [name, config] of Object.entries(account.roles)) {
                const arn = roleArn(accountId, name);
                this.roles.set(arn, { accountId, name, arn, config });
            }
            for (const [name, config] of Object.entries(account.functions)) {
                const region = config.region ?? scenario.defaultRegion;
                const arn = functionArn(region, accountId, name);
                this.functions.set(arn, { accountId, region, name, arn, config });
            }
        }
    }
    /** The IAM user key with this id, if the scenario defines one. */
    longTermKey(accessKeyId) {
        return this.keys.get(accessKeyId);
    }
    /** Looks a role up by ARN (a path in the ARN is ignored, as role names are unique per account). */
    role(arn) {
        const parsed = parseRoleArn(arn);
        return parsed && this.roles.get(roleArn(parsed.accountId, parsed.roleName));
    }
    /** The OIDC provider for an issuer (`host/path`, no scheme) registered in `accountId`, if any. */
    oidcProvider(accountId, issuerHostPath) {
        const providers = this.scenario.accounts[accountId]?.oidcProviders ?? {};
        return Object.hasOwn(providers, issuerHostPath) ? providers[issuerHostPath] : undefined;
    }
    /** Issuer URLs (`https://host/path`) of every OIDC provider, in scenario order (for minting test tokens). */
    oidcIssuers() {
        return Object.values(this.scenario.accounts).flatMap((account) => Object.keys(account.oidcProviders).map((key) => `https://${key}`));
    }
    /** The function `name` in `accountId`/`region`, if it exists there. */
    lambdaFunction(accountId, region, name) {
        return this.functions.get(functionArn(region, accountId, name));
    }
    /** Every function, for start-up checks and demos. */
    allFunctions() {
        return [...this.functions.values()];
    }
    /** Identity-based policies in force for a caller: the user's, or the session's role's. */
    identityPoliciesOf(caller) {
        if (caller.kind === 'user')
            return this.userPolicies.get(caller.arn) ?? [];
        return this.roles.get(caller.roleArn)?.config.policies ?? [];
    }
}
