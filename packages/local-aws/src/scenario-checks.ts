import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { conditionContext } from './policy-conditions.ts';
import { evaluateResourcePolicy } from './policy-eval.ts';
import { parseRoleArn } from './principals.ts';
import type { Scenario } from './scenario-schema.ts';

/** EKS Pod Identity's service principal and the actions its associations need in the role's trust policy. */
const POD_IDENTITY_SERVICE = 'pods.eks.amazonaws.com';
const POD_IDENTITY_ACTIONS = ['sts:AssumeRole', 'sts:TagSession'];

/**
 * EKS refuses a Pod Identity association whose role does not trust
 * pods.eks.amazonaws.com for both actions; the scenario's equivalent is a load error.
 */
function containerCredentialsProblems(scenario: Scenario): string[] {
  const config = scenario.containerCredentials;
  if (!config) return [];
  const path = 'containerCredentials.roleArn';
  const parsed = parseRoleArn(config.roleArn);
  const role = parsed && scenario.accounts[parsed.accountId]?.roles[parsed.roleName];
  if (!role) return [`${path}: role ${config.roleArn} is not defined in the scenario`];
  const missing = POD_IDENTITY_ACTIONS.filter(
    (action) =>
      evaluateResourcePolicy(
        role.trustPolicy,
        { kind: 'service', service: POD_IDENTITY_SERVICE },
        { action, resource: config.roleArn, context: conditionContext({}) },
      ).allowedBy === undefined,
  );
  if (missing.length === 0) return [];
  return [
    `${path}: the trust policy of ${config.roleArn} must allow Principal {"Service": "${POD_IDENTITY_SERVICE}"} to ${missing.join(' and ')} (EKS Pod Identity)`,
  ];
}

/**
 * Rules that span several fields, which a per-field schema cannot express.
 * Each problem is reported as "path: message".
 */
export function crossFieldProblems(scenario: Scenario): string[] {
  const problems: string[] = [];
  const accessKeyOwners = new Map<string, string>();
  for (const [accountId, account] of Object.entries(scenario.accounts)) {
    for (const [userName, user] of Object.entries(account.users)) {
      user.accessKeys.forEach((key, index) => {
        const path = `accounts.${accountId}.users.${userName}.accessKeys[${index}].accessKeyId`;
        const owner = accessKeyOwners.get(key.accessKeyId);
        if (owner) problems.push(`${path}: access key ${key.accessKeyId} is already used at ${owner}`);
        else accessKeyOwners.set(key.accessKeyId, path);
      });
    }
    for (const [functionName, fn] of Object.entries(account.functions)) {
      const base = `accounts.${accountId}.functions.${functionName}`;
      for (const [alias, target] of Object.entries(fn.aliases)) {
        if (target !== '$LATEST' && !fn.versions.includes(target)) {
          problems.push(`${base}.aliases.${alias}: points to version ${target}, which is not listed in versions`);
        }
      }
      if (new Set(fn.versions).size !== fn.versions.length) problems.push(`${base}.versions: duplicate version`);
      const [file] = fn.handler.split('#');
      const modulePath = resolve(scenario.functionsDir, file!);
      if (!existsSync(modulePath)) problems.push(`${base}.handler: module not found: ${modulePath}`);
    }
  }
  problems.push(...containerCredentialsProblems(scenario));
  return problems;
}
