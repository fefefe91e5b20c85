/**
 * Who signed a request, as AWS sees it after resolving the access key.
 * `web-identity` is not a signer: it is the principal an unsigned
 * AssumeRoleWithWebIdentity call presents (matched by `Principal.Federated`).
 */
export type CallerPrincipal = IamUserPrincipal | AssumedRolePrincipal;
export interface IamUserPrincipal {
    kind: 'user';
    accountId: string;
    userName: string;
    /** `arn:aws:iam::A:user/N` */
    arn: string;
    /** Stable unique id (`AIDA…`), as GetCallerIdentity reports it. */
    userId: string;
}
export interface AssumedRolePrincipal {
    kind: 'assumed-role';
    accountId: string;
    roleName: string;
    sessionName: string;
    /** `arn:aws:sts::A:assumed-role/R/S` */
    arn: string;
    /** `arn:aws:iam::A:role/R`: what trust and resource policies name. */
    roleArn: string;
    /** `AROA…:S`, as GetCallerIdentity reports it. */
    userId: string;
}
/** The principal behind an unsigned web-identity request (for AssumeRoleWithWebIdentity). */
export interface WebIdentityPrincipal {
    kind: 'web-identity';
    /** `arn:aws:iam::A:oidc-provider/host/path` */
    providerArn: string;
}
/** An AWS service acting on its own behalf (e.g. `pods.eks.amazonaws.com` for EKS Pod Identity). */
export interface ServicePrincipal {
    kind: 'service';
    /** e.g. `pods.eks.amazonaws.com`: what `Principal.Service` names. */
    service: string;
}
/** Any principal a policy's `Principal` element can be matched against. */
export type PolicySubject = CallerPrincipal | WebIdentityPrincipal | ServicePrincipal;
export declare const userArn: (accountId: string, userName: string) => string;
export declare const roleArn: (accountId: string, roleName: string) => string;
export declare const assumedRoleArn: (accountId: string, roleName: string, sessionName: string) => string;
export declare const accountRootArn: (accountId: string) => string;
/** `arn:aws:iam::A:oidc-provider/host/path`: what `Principal.Federated` names for an OIDC provider. */
export declare const oidcProviderArn: (accountId: string, issuerHostPath: string) => string;
/** Parses `arn:aws:iam::A:role/[path/]Name` (the path is dropped: session ARNs carry only the name). */
export declare function parseRoleArn(arn: string): {
    accountId: string;
    roleName: string;
} | undefined;
/**
 * AWS gives every user and role an opaque id (`AIDA…` / `AROA…`, 21 chars).
 * Deriving it from the ARN keeps it stable across restarts, which is what real
 * ids are for a given entity.
 */
export declare function uniqueIdFor(prefix: 'AIDA' | 'AROA', arn: string): string;
/** Builds the principal for an IAM user. */
export declare function iamUserPrincipal(accountId: string, userName: string): IamUserPrincipal;
/** Builds the principal for a role session (what AssumeRole hands out). */
export declare function assumedRolePrincipal(accountId: string, roleName: string, sessionName: string): AssumedRolePrincipal;
/**
 * Global condition keys AWS puts in every request context for this caller.
 * Note `aws:PrincipalArn` is the ROLE ARN for a role session, not the session ARN.
 */
export declare function principalConditionKeys(caller: CallerPrincipal): Record<string, string>;
