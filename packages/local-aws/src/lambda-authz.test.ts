import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from './index.ts';
import { assumeRole, fnArn, invoke, KEYS, TEST_SCENARIO, type Credentials } from './test-support.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws({ scenario: TEST_SCENARIO });
});
afterAll(async () => {
  await aws.close();
});

const errorType = (response: Response) => response.headers.get('x-amzn-errortype')?.split(':')[0];

async function expectDenied(credentials: Credentials, functionName: string, messageEnd: string): Promise<void> {
  const response = await invoke(aws.url, credentials, functionName);
  expect(response.status).toBe(403);
  expect(errorType(response)).toBe('AccessDeniedException');
  const body = await response.json();
  expect(body.Message).toMatch(/^User: arn:aws:(iam|sts)::\d{12}:\S+ is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:/);
  expect(body.Message.endsWith(messageEnd)).toBe(true);
}

describe('cross-account invocation needs identity AND resource policy', () => {
  it('both allow => 200', async () => {
    expect((await invoke(aws.url, KEYS.gateway, fnArn('echo'))).status).toBe(200);
  });

  it('identity allows, no resource-based policy on the function => 403', async () => {
    await expectDenied(KEYS.gateway, fnArn('private'), 'because no resource-based policy allows the lambda:InvokeFunction action');
  });

  it('identity allows, resource policy names someone else => 403', async () => {
    await expectDenied(KEYS.outsider, fnArn('echo'), 'because no resource-based policy allows the lambda:InvokeFunction action');
  });

  it('resource policy allows the account, caller has no identity policy => 403', async () => {
    await expectDenied(KEYS.noperms, fnArn('shared'), 'because no identity-based policy allows the lambda:InvokeFunction action');
  });

  it('the denial message names the caller and the function ARN', async () => {
    const response = await invoke(aws.url, KEYS.noperms, fnArn('shared'));
    expect((await response.json()).Message).toBe(
      `User: arn:aws:iam::111111111111:user/noperms is not authorized to perform: lambda:InvokeFunction on resource: ${fnArn('shared')} because no identity-based policy allows the lambda:InvokeFunction action`,
    );
  });

  it('resource policy allows the account and the caller identity allows => 200', async () => {
    expect((await invoke(aws.url, KEYS.gateway, fnArn('shared'))).status).toBe(200);
  });

  it('an explicit Deny in the caller identity policy wins over both allows', async () => {
    await expectDenied(KEYS.denied, fnArn('echo'), 'with an explicit deny in an identity-based policy');
  });

  it('an explicit Deny in the resource policy wins', async () => {
    await expectDenied(KEYS.gateway, fnArn('blocked'), 'with an explicit deny in a resource-based policy');
  });
});

describe('same-account invocation', () => {
  it('identity policy alone suffices', async () => {
    expect((await invoke(aws.url, KEYS.owner, fnArn('private'))).status).toBe(200);
  });

  it('neither identity nor resource policy => 403', async () => {
    await expectDenied(KEYS.noperms, 'local-echo', 'because no identity-based policy allows the lambda:InvokeFunction action');
  });
});

describe('qualified resources are matched exactly', () => {
  it('a grant on the unqualified ARN covers unqualified and $LATEST calls', async () => {
    expect((await invoke(aws.url, KEYS.gateway, fnArn('echo'))).status).toBe(200);
    expect((await invoke(aws.url, KEYS.gateway, fnArn('echo', '$LATEST'))).status).toBe(200);
  });

  it('a grant on alias live covers calls through live', async () => {
    const response = await invoke(aws.url, KEYS.gateway, fnArn('echo', 'live'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amz-executed-version')).toBe('1');
  });

  it('…but not the version behind it, nor other aliases or versions', async () => {
    await expectDenied(KEYS.gateway, fnArn('echo', '1'), 'because no resource-based policy allows the lambda:InvokeFunction action');
    await expectDenied(KEYS.gateway, fnArn('echo', '2'), 'because no resource-based policy allows the lambda:InvokeFunction action');
    await expectDenied(KEYS.gateway, fnArn('echo', 'edge'), 'because no resource-based policy allows the lambda:InvokeFunction action');
  });

  it('the denial names the qualified resource', async () => {
    const response = await invoke(aws.url, KEYS.gateway, fnArn('echo'), '{}', { query: '?Qualifier=2' });
    expect((await response.json()).Message).toContain(`on resource: ${fnArn('echo', '2')} because`);
  });

  it('an identity Deny on function:echo* also covers qualified calls', async () => {
    await expectDenied(KEYS.denied, fnArn('echo', 'live'), 'with an explicit deny in an identity-based policy');
  });
});

describe('role sessions', () => {
  it('credentials for a role in the function account invoke via the role identity policy', async () => {
    const auth = await assumeRole(aws.url, KEYS.ci, 'arn:aws:iam::111111111111:role/lambda-auth-role');
    const invokeRole = await assumeRole(aws.url, auth, 'arn:aws:iam::222222222222:role/lambda-invoke-role');
    const response = await invoke(aws.url, invokeRole, fnArn('private'), '{"via":"role"}');
    expect(response.status).toBe(200);
    const recorded = aws.invocations('private').at(-1);
    expect(recorded?.callerArn).toBe('arn:aws:sts::222222222222:assumed-role/lambda-invoke-role/test-session');
  });

  it('a role session is denied where its role has no permission', async () => {
    const session = await assumeRole(aws.url, KEYS.ci, 'arn:aws:iam::111111111111:role/auth-role-without-sts');
    await expectDenied(session, 'local-echo', 'because no identity-based policy allows the lambda:InvokeFunction action');
  });

  it('conditions see aws:PrincipalArn as the ROLE ARN of a session', async () => {
    const auth = await assumeRole(aws.url, KEYS.ci, 'arn:aws:iam::111111111111:role/lambda-auth-role');
    expect((await invoke(aws.url, auth, fnArn('conditional'))).status).toBe(200);
    // gateway is in the right account but is not a lambda-* role: the condition fails.
    await expectDenied(KEYS.gateway, fnArn('conditional'), 'because no resource-based policy allows the lambda:InvokeFunction action');
  });

  it('a resource policy naming a user does not admit role sessions of the same account', async () => {
    const auth = await assumeRole(aws.url, KEYS.ci, 'arn:aws:iam::111111111111:role/lambda-auth-role');
    await expectDenied(auth, fnArn('echo'), 'because no resource-based policy allows the lambda:InvokeFunction action');
  });
});
