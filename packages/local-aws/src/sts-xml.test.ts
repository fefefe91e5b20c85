import { AssumeRoleCommand, STSClient } from '@aws-sdk/nested-clients/sts';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from './index.ts';
import { stsErrorXml, stsSuccessXml } from './sts-xml.ts';
import { KEYS, rejectionOf, stsCall, TEST_SCENARIO, xmlText } from './test-support.ts';

const TRICKY = `Value 'a<b>&c' at "x" fails & <stops>`;

describe('STS XML documents', () => {
  it('an error is <ErrorResponse xmlns><Error><Type/><Code/><Message/></Error><RequestId/>, byte for byte', () => {
    expect(stsErrorXml('Sender', 'AccessDenied', 'User: u is not authorized', 'req-1')).toBe(
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">' +
        '<Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: u is not authorized</Message></Error>' +
        '<RequestId>req-1</RequestId></ErrorResponse>\n',
    );
  });

  it('a success keeps the result members in the order given and leaves out undefined ones', () => {
    const xml = stsSuccessXml(
      'AssumeRole',
      {
        Credentials: { AccessKeyId: 'ASIA1', SecretAccessKey: 's', SessionToken: 't', Expiration: '2030-01-01T00:00:00.000Z' },
        AssumedRoleUser: { AssumedRoleId: 'AROA1:s', Arn: 'arn:aws:sts::111111111111:assumed-role/r/s' },
        SourceIdentity: undefined,
      },
      'req-2',
    );
    expect(xml).toBe(
      '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>' +
        '<Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken>' +
        '<Expiration>2030-01-01T00:00:00.000Z</Expiration></Credentials>' +
        '<AssumedRoleUser><AssumedRoleId>AROA1:s</AssumedRoleId><Arn>arn:aws:sts::111111111111:assumed-role/r/s</Arn></AssumedRoleUser>' +
        '</AssumeRoleResult><ResponseMetadata><RequestId>req-2</RequestId></ResponseMetadata></AssumeRoleResponse>\n',
    );
  });

  it('escapes <, >, & and quotes in values, and a parser reads the original text back', () => {
    const xml = stsErrorXml('Sender', 'ValidationError', TRICKY, 'r&1');
    expect(xml).toContain('<Message>Value &apos;a&lt;b&gt;&amp;c&apos; at &quot;x&quot; fails &amp; &lt;stops&gt;</Message>');
    expect(xml).toContain('<RequestId>r&amp;1</RequestId>');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml) as { ErrorResponse: { Error: { Message: string }; RequestId: string } };
    expect(parsed.ErrorResponse.Error.Message).toBe(TRICKY);
    expect(parsed.ErrorResponse.RequestId).toBe('r&1');
  });
});

describe('escaping over the wire', () => {
  let aws: LocalAws;
  beforeAll(async () => {
    aws = await startLocalAws({ scenario: TEST_SCENARIO });
  });
  afterAll(async () => {
    await aws.close();
  });

  // The session name is echoed into the ValidationError message, so it carries the markup characters.
  const sessionName = `x<y>&'"`;
  const expectedMessage = `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`;

  it('a ValidationError echoing <, & and quotes is well-formed XML with the text intact', async () => {
    const response = await stsCall(aws.url, KEYS.ci, {
      Action: 'AssumeRole',
      RoleArn: 'arn:aws:iam::111111111111:role/lambda-auth-role',
      RoleSessionName: sessionName,
    });
    const xml = await response.text();
    expect(response.status).toBe(400);
    expect(xml).toContain('x&lt;y&gt;&amp;&apos;&quot;');
    expect(xmlText(xml, 'Code')).toBe('ValidationError');
    expect(xmlText(xml, 'Message')).toBe(expectedMessage);
  });

  it('the AWS SDK reads the same message back', async () => {
    const client = new STSClient({ endpoint: aws.url, region: 'us-east-1', credentials: KEYS.ci, maxAttempts: 1 });
    const error = await rejectionOf(
      client.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/lambda-auth-role', RoleSessionName: sessionName })),
    );
    expect(error).toMatchObject({ name: 'ValidationError', message: expectedMessage, $metadata: { httpStatusCode: 400 } });
  });
});
