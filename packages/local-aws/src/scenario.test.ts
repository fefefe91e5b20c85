import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledFunctionsDir, loadScenario, parseScenario, ScenarioError, startLocalAws } from './index.ts';
import { GUIDE_SCENARIO, rejectionOf, TEST_SCENARIO } from './test-support.ts';

const base = { source: 'inline', baseDir: bundledFunctionsDir };
const minimal = (accounts: unknown, extra: Record<string, unknown> = {}) => ({ functionsDir: '.', accounts, ...extra });
const echoFunction = { handler: 'echo.mjs' };

function problemsOf(raw: unknown): string[] {
  try {
    parseScenario(raw, base);
  } catch (error) {
    if (error instanceof ScenarioError) return [...error.problems];
    throw error;
  }
  throw new Error('scenario was accepted');
}

describe('loading scenario files', () => {
  it('loads the bundled scenarios and resolves functionsDir next to the file', async () => {
    const scenario = await loadScenario(TEST_SCENARIO);
    expect(scenario.functionsDir).toBe(bundledFunctionsDir.replace(/\/$/, ''));
    expect(scenario.defaultRegion).toBe('us-east-1');
    expect(scenario.accounts['222222222222']?.functions['echo']?.timeoutSeconds).toBe(3);
    expect(scenario.accounts['222222222222']?.functions['echo']?.versions).toEqual(['1', '2']);
    await expect(loadScenario(GUIDE_SCENARIO)).resolves.toBeDefined();
  });

  it('loads JSON files too, and names the file in errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'local-aws-'));
    const file = join(dir, 'scenario.json');
    await writeFile(file, JSON.stringify({ accounts: { '12345': {} } }));
    const error = (await rejectionOf(loadScenario(file))) as ScenarioError;
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error.message).toContain(file);
    expect(error.problems[0]).toMatch(/^accounts\.12345: account id "12345" must be exactly 12 digits/);
  });

  it('reports unparseable YAML with the file name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'local-aws-'));
    const file = join(dir, 'broken.yaml');
    await writeFile(file, 'accounts: [unclosed');
    await expect(loadScenario(file)).rejects.toThrow(/broken\.yaml[\s\S]*cannot parse file/);
  });

  it('startLocalAws accepts an inline scenario object', async () => {
    const aws = await startLocalAws({
      scenario: { functionsDir: bundledFunctionsDir, accounts: { '123456789012': { functions: { echo: echoFunction } } } },
    });
    expect(aws.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await aws.close();
  });

  it('startLocalAws rejects an invalid scenario before listening', async () => {
    await expect(startLocalAws({ scenario: { accounts: { nope: {} } } })).rejects.toBeInstanceOf(ScenarioError);
  });
});

describe('strict validation with field paths', () => {
  it('an unknown field is an error naming its path', () => {
    const problems = problemsOf(minimal({ '123456789012': { functions: { echo: { ...echoFunction, timeout: 3 } } } }));
    expect(problems).toEqual(['accounts.123456789012.functions.echo.timeout: unknown field (not part of the scenario format)']);
  });

  it('an unknown top-level field is an error', () => {
    expect(problemsOf(minimal({}, { region: 'us-east-1' }))).toEqual(['region: unknown field (not part of the scenario format)']);
  });

  it('an account id that is not 12 digits is an error naming it', () => {
    expect(problemsOf(minimal({ '1234': {} }))[0]).toMatch(/^accounts\.1234: account id "1234" must be exactly 12 digits/);
  });

  it('a misspelt key inside a Principal names the nested path', () => {
    const problems = problemsOf(
      minimal({
        '123456789012': {
          functions: {
            echo: {
              ...echoFunction,
              policy: { Statement: [{ Effect: 'Allow', Principal: { Aws: '111111111111' }, Action: 'lambda:InvokeFunction', Resource: '*' }] },
            },
          },
        },
      }),
    );
    expect(problems).toContain('accounts.123456789012.functions.echo.policy.Statement.0.Principal.Aws: unknown field (not part of the scenario format)');
  });

  it('an invalid AWS principal is rejected', () => {
    const problems = problemsOf(
      minimal({
        '123456789012': {
          roles: { r: { trustPolicy: { Statement: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::12345:role/x' }, Action: 'sts:AssumeRole' } } } },
        },
      }),
    );
    expect(problems.join('\n')).toMatch(/roles\.r\.trustPolicy\.Statement\.0\.Principal.*invalid AWS principal/);
  });

  it('an unsupported condition operator is a load error, not a silent pass', () => {
    const problems = problemsOf(
      minimal({
        '123456789012': {
          users: {
            u: {
              policies: [{ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }] }],
            },
          },
        },
      }),
    );
    expect(problems[0]).toMatch(
      /^accounts\.123456789012\.users\.u\.policies\.0\.Statement\.0\.Condition\.IpAddress: unsupported condition operator "IpAddress"/,
    );
  });

  it('IAM grammar: Principal in an identity policy, Resource in a trust policy, missing Action', () => {
    const problems = problemsOf(
      minimal({
        '123456789012': {
          users: { u: { policies: [{ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }] } },
          roles: { r: { trustPolicy: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Resource: '*' }] } } },
          functions: { f: { ...echoFunction, policy: { Statement: [{ Effect: 'Allow', Principal: '*', Resource: '*' }] } } },
        },
      }),
    );
    expect(problems).toContain('accounts.123456789012.users.u.policies.0.Statement.0: Principal/NotPrincipal is not allowed in an identity-based policy');
    expect(problems).toContain(
      'accounts.123456789012.roles.r.trustPolicy.Statement.0: a trust policy cannot have Resource or NotResource (the role itself is the resource)',
    );
    expect(problems).toContain('accounts.123456789012.functions.f.policy.Statement.0: a statement needs exactly one of Action or NotAction');
  });

  it('a bad Effect names the field', () => {
    const problems = problemsOf(minimal({ '123456789012': { users: { u: { policies: [{ Statement: { Effect: 'Alow', Action: '*', Resource: '*' } }] } } } }));
    expect(problems).toEqual(['accounts.123456789012.users.u.policies.0.Statement.0.Effect: Effect must be "Allow" or "Deny"']);
  });

  it('policies may be JSON strings (as IAM APIs take them); bad JSON is reported', () => {
    const ok = parseScenario(
      minimal({ '123456789012': { users: { u: { policies: ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'] } } } }),
      base,
    );
    expect(ok.accounts['123456789012']?.users['u']?.policies[0]?.Statement[0]?.Action).toEqual(['*']);
    expect(problemsOf(minimal({ '123456789012': { users: { u: { policies: ['{not json'] } } } }))[0]).toMatch(
      /^accounts\.123456789012\.users\.u\.policies\.0: policy is not valid JSON/,
    );
  });

  it('`"Condition": {}` (role-2.json) is accepted', () => {
    const scenario = parseScenario(
      minimal({
        '123456789012': {
          roles: {
            r: {
              trustPolicy: {
                Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:role/a' }, Action: 'sts:AssumeRole', Condition: {} }],
              },
            },
          },
        },
      }),
      base,
    );
    expect(scenario.accounts['123456789012']?.roles['r']?.maxSessionDuration).toBe(3600);
  });

  it('variables fill ${NAME} in values and keys; an undefined one is named', () => {
    const scenario = parseScenario(minimal({ '${ACCT}': { functions: { '${FN}': echoFunction } } }, { variables: { ACCT: '123456789012', FN: 'echo' } }), base);
    expect(Object.keys(scenario.accounts)).toEqual(['123456789012']);
    expect(problemsOf(minimal({ '${ACCT}': {} }))).toEqual(['accounts.${ACCT}: undefined variable ${ACCT} (define it under "variables")']);
  });

  it('IAM policy variables such as ${aws:username} are left alone', () => {
    const scenario = parseScenario(
      minimal({
        '123456789012': {
          users: {
            u: { policies: [{ Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: 'arn:aws:lambda:*:*:function:${aws:username}' }] }] },
          },
        },
      }),
      base,
    );
    expect(scenario.accounts['123456789012']?.users['u']?.policies[0]?.Statement[0]?.Resource).toEqual(['arn:aws:lambda:*:*:function:${aws:username}']);
  });

  it('cross-field rules: alias to an unknown version, duplicate access keys, missing handler module', () => {
    const key = { accessKeyId: 'AKIADUPLICATE0000001', secretAccessKey: 's' };
    const problems = problemsOf(
      minimal({
        '123456789012': {
          users: { a: { accessKeys: [key] }, b: { accessKeys: [key] } },
          functions: { f: { handler: 'missing.mjs', versions: ['1'], aliases: { live: '2' } } },
        },
      }),
    );
    expect(problems).toContain(
      'accounts.123456789012.users.b.accessKeys[0].accessKeyId: access key AKIADUPLICATE0000001 is already used at accounts.123456789012.users.a.accessKeys[0].accessKeyId',
    );
    expect(problems).toContain('accounts.123456789012.functions.f.aliases.live: points to version 2, which is not listed in versions');
    expect(problems.some((problem) => problem.startsWith('accounts.123456789012.functions.f.handler: module not found'))).toBe(true);
  });

  it('field-level rules: region, function name, key format, timeouts, numeric alias names', () => {
    const problems = problemsOf(
      minimal({
        '123456789012': {
          users: { u: { accessKeys: [{ accessKeyId: 'ASIATEMPORARY0000001', secretAccessKey: 's' }] } },
          functions: {
            'bad.name': echoFunction,
            f: { ...echoFunction, region: 'mars-1', timeoutSeconds: 901, reservedConcurrency: -1, aliases: { '7': '$LATEST' } },
          },
        },
      }),
    );
    expect(problems.join('\n')).toContain('accounts.123456789012.users.u.accessKeys.0.accessKeyId: accessKeyId must look like an IAM user key');
    expect(problems.join('\n')).toContain('accounts.123456789012.functions.bad.name: invalid function name');
    expect(problems.join('\n')).toContain('accounts.123456789012.functions.f.region: invalid region "mars-1"');
    expect(problems.join('\n')).toContain('accounts.123456789012.functions.f.timeoutSeconds:');
    expect(problems.join('\n')).toContain('accounts.123456789012.functions.f.reservedConcurrency:');
    expect(problems.join('\n')).toContain('accounts.123456789012.functions.f.aliases.7: invalid alias name "7"');
  });
});
