import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Scenario } from './scenario-schema.ts';

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
  return problems;
}
