import { createHash } from 'node:crypto';
export const userArn = (accountId, userName) => `arn:aws:iam::${accountId}:user/${userName}`;
export const roleArn = (accountId, roleName) => `arn:aws:iam::${accountId}:role/${roleName}`;
export const assumedRoleArn = (accountId, roleName, sessionName) => `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;
export const accountRootArn = (accountId) => `arn:aws:iam::${accountId}:root`;
/** `arn:aws:iam::A:oidc-provider/host/path`: what `Principal.Federated` names for an OIDC provider. */
export const oidcProviderArn = (accountId, issuerHostPath) => `arn:aws:iam::${accountId}:oidc-provider/${issuerHostPath}`;
/** Parses `arn:aws:iam::A:role/[path/]Name` (the path is dropped: session ARNs carry only the name). */
export function parseRoleArn(arn) {
    const match = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/.exec(arn);
    if (!match)
        return undefined;
    return { accountId: match[1], roleName: match[2] };
}
const UNIQUE_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/**
 * AWS gives every user and role an opaque id (`AIDA…` / `AROA…`, 21 chars).
 * Deriving it from the ARN keeps it stable across restarts, which is what real
 * ids are for a given entity.
 */
export function uniqueIdFor(prefix, arn) {
    const digest = createHash('sha256').update(arn).digest();
    let id = prefix;
    for (let index = 0; index < 17; index++)
        id += UNIQUE_ID_ALPHABET[digest[index] % 32];
    return id;
}
/** Builds the principal for an IAM user. */
export function iamUserPrincipal(accountId, userName) {
    const arn = userArn(accountId, userName);
    return { kind: 'user', accountId, userName, arn, userId: uniqueIdFor('AIDA', arn) };
}
/** Builds the principal for a role session (what AssumeRole hands out). */
export function assumedRolePrincipal(accountId, roleName, sessionName) {
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
export function principalConditionKeys(caller) {
    const common = { 'aws:PrincipalAccount': caller.accountId, 'aws:userid': caller.userId };
    if (caller.kind === 'user') {
        return { ...common, 'aws:PrincipalArn': caller.arn, 'aws:PrincipalType': 'User', 'aws:username': caller.userName };
    }
    return { ...common, 'aws:PrincipalArn': caller.roleArn, 'aws:PrincipalType': 'AssumedRole' };
}
