import { createHash } from 'node:crypto';

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

export const userArn = (accountId: string, userName: string): string => `arn:aws:iam::${accountId}:user/${userName}`;
export const roleArn = (accountId: string, roleName: string): string => `arn:aws:iam::${accountId}:role/${roleName}`;
export const assumedRoleArn = (accountId: string, roleName: string, sessionName: string): string =>
  `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;
export const accountRootArn = (accountId: string): string => `arn:aws:iam::${accountId}:root`;
/** `arn:aws:iam::A:oidc-provider/host/path`: what `Principal.Federated` names for an OIDC provider. */
export const oidcProviderArn = (accountId: string, issuerHostPath: string): string => `arn:aws:iam::${accountId}:oidc-provider/${issuerHostPath}`;

/** Parses `arn:aws:iam::A:role/[path/]Name` (the path is dropped: session ARNs carry only the name). */
export function parseRoleArn(arn: string): { accountId: string; roleName: string } | undefined {
  const match = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/.exec(arn);
  if (!match) return undefined;
  return { accountId: match[1]!, roleName: match[2]! };
}

const UNIQUE_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * AWS gives every user and role an opaque id (`AIDA…` / `AROA…`, 21 chars).
 * Deriving it from the ARN keeps it stable across restarts, which is what real
 * ids are for a given entity.
 */
export function uniqueIdFor(prefix: 'AIDA' | 'AROA', arn: string): string {
  const digest = createHash('sha256').update(arn).digest();
  let id = prefix;
  for (let index = 0; index < 17; index++) id += UNIQUE_ID_ALPHABET[digest[index]! % 32];
  return id;
}

/** Builds the principal for an IAM user. */
export function iamUserPrincipal(accountId: string, userName: string): IamUserPrincipal {
  const arn = userArn(accountId, userName);
  return { kind: 'user', accountId, userName, arn, userId: uniqueIdFor('AIDA', arn) };
}

/** Builds the principal for a role session (what AssumeRole hands out). */
export function assumedRolePrincipal(accountId: string, roleName: string, sessionName: string): AssumedRolePrincipal {
  const role = roleArn(accountId, roleName);
  return {
    kind: 'assumed-role',
    accountId,
    roleName,
    sessionName,
    arn: assumedRoleArn(accountId, roleName, sessionName),
    roleArn: role,
    userId: `${uniqueIdFor('AROA', role)}:${sessionName}`,
  };
}

/**
 * Global condition keys AWS puts in every request context for this caller.
 * Note `aws:PrincipalArn` is the ROLE ARN for a role session, not the session ARN.
 */
export function principalConditionKeys(caller: CallerPrincipal): Record<string, string> {
  const common = { 'aws:PrincipalAccount': caller.accountId, 'aws:userid': caller.userId };
  if (caller.kind === 'user') {
    return { ...common, 'aws:PrincipalArn': caller.arn, 'aws:PrincipalType': 'User', 'aws:username': caller.userName };
  }
  return { ...common, 'aws:PrincipalArn': caller.roleArn, 'aws:PrincipalType': 'AssumedRole' };
}
