import { describe, expect, it } from 'vitest';
import { stsErrorXml, stsSuccessXml } from '../../../../local-aws/src/sts-xml.ts';
import { parseStsError, parseStsSession } from './xml.ts';

const NS = 'xmlns="https://sts.amazonaws.com/doc/2011-06-15/"';

function assumeRoleXml(credentials: string, extra = ''): string {
  return `<AssumeRoleResponse ${NS}><AssumeRoleResult><Credentials>${credentials}</Credentials>${extra}</AssumeRoleResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></AssumeRoleResponse>`;
}

describe('parseStsSession', () => {
  it('reads AssumeRole and AssumeRoleWithWebIdentity results (same Credentials shape), unescaping entities', () => {
    const xml =
      `<AssumeRoleWithWebIdentityResponse ${NS}><AssumeRoleWithWebIdentityResult><Credentials>` +
      '<AccessKeyId>ASIAEXAMPLE000000001</AccessKeyId><SecretAccessKey>se/cr+et&amp;</SecretAccessKey>' +
      '<SessionToken>IQoJ&lt;tok&gt;==</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>' +
      '<SubjectFromWebIdentityToken>system:serviceaccount:gloo-system:http</SubjectFromWebIdentityToken>' +
      '<AssumedRoleUser><AssumedRoleId>AROAX:s</AssumedRoleId><Arn>arn:aws:sts::111111111111:assumed-role/r/s</Arn></AssumedRoleUser>' +
      '</AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>';
    expect(parseStsSession(xml)).toEqual({
      accessKeyId: 'ASIAEXAMPLE000000001',
      secretAccessKey: 'se/cr+et&',
      sessionToken: 'IQoJ<tok>==',
      expiration: new Date('2030-01-01T00:00:00Z'),
      assumedRoleArn: 'arn:aws:sts::111111111111:assumed-role/r/s',
    });
  });

  it('decodes quotes and numeric character references; leaves unknown entities and DOCTYPE-declared ones as written', () => {
    const session = parseStsSession(
      assumeRoleXml(
        '<AccessKeyId>ASIA&#65;&#x42;</AccessKeyId><SecretAccessKey>&quot;s&apos;&#x1F511;</SecretAccessKey><SessionToken>t&nbsp;&x;</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration>',
      ),
    );
    expect(session).toMatchObject({ accessKeyId: 'ASIAAB', secretAccessKey: `"s'🔑`, sessionToken: 't&nbsp;&x;' });
    const declared = `<?xml version="1.0"?><!DOCTYPE AssumeRoleResponse [<!ENTITY x "expanded">]>${assumeRoleXml('<AccessKeyId>A</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>&x;</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration>')}`;
    expect(parseStsSession(declared)?.sessionToken).toBe('&x;');
  });

  it('keeps every value a string: number-like keys and tokens are not parsed, surrounding whitespace is trimmed', () => {
    const session = parseStsSession(
      assumeRoleXml(
        '<AccessKeyId> 0012345 </AccessKeyId><SecretAccessKey>1e5</SecretAccessKey><SessionToken>0x10</SessionToken><Expiration>\n2030-01-01T00:00:00Z\n</Expiration>',
      ),
    );
    expect(session).toEqual({
      accessKeyId: '0012345',
      secretAccessKey: '1e5',
      sessionToken: '0x10',
      expiration: new Date('2030-01-01T00:00:00Z'),
      assumedRoleArn: undefined,
    });
  });

  it('refuses incomplete credentials', () => {
    expect(
      parseStsSession('<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>A</AccessKeyId></Credentials></AssumeRoleResult></AssumeRoleResponse>'),
    ).toBeUndefined();
    expect(
      parseStsSession(
        assumeRoleXml(
          '<AccessKeyId>A</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken></SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration>',
        ),
      ),
    ).toBeUndefined();
    expect(
      parseStsSession(
        assumeRoleXml('<AccessKeyId>A</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>soon</Expiration>'),
      ),
    ).toBeUndefined();
  });

  it('refuses answers without Credentials: an empty result, an error document, a proxy page, not XML at all', () => {
    expect(parseStsSession(`<AssumeRoleResponse ${NS}><AssumeRoleResult></AssumeRoleResult></AssumeRoleResponse>`)).toBeUndefined();
    expect(parseStsSession(stsErrorXml('Sender', 'AccessDenied', 'no', 'r1'))).toBeUndefined();
    expect(parseStsSession('<html>bad gateway</html>')).toBeUndefined();
    expect(parseStsSession('<html><head><title>502</title></head><body><h1>Bad Gateway</h1><hr><center>nginx</center></body></html>')).toBeUndefined();
    expect(parseStsSession('upstream connect error <<')).toBeUndefined();
    expect(parseStsSession('')).toBeUndefined();
  });

  it("reads the local AWS emulator's documents, values with markup characters included", () => {
    const xml = stsSuccessXml(
      'AssumeRole',
      {
        Credentials: { AccessKeyId: 'ASIA1', SecretAccessKey: `s<&>'"`, SessionToken: 't&t', Expiration: '2030-01-01T00:00:00.000Z' },
        AssumedRoleUser: { AssumedRoleId: 'AROA1:s', Arn: 'arn:aws:sts::111111111111:assumed-role/r/s' },
      },
      'req-2',
    );
    expect(parseStsSession(xml)).toEqual({
      accessKeyId: 'ASIA1',
      secretAccessKey: `s<&>'"`,
      sessionToken: 't&t',
      expiration: new Date('2030-01-01T00:00:00.000Z'),
      assumedRoleArn: 'arn:aws:sts::111111111111:assumed-role/r/s',
    });
  });
});

describe('parseStsError', () => {
  it('reads Code, Message and RequestId', () => {
    const xml = `<ErrorResponse ${NS}><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::1:user/u is not authorized &amp; so on</Message></Error><RequestId>req-1</RequestId></ErrorResponse>`;
    expect(parseStsError(xml)).toEqual({ code: 'AccessDenied', message: 'User: arn:aws:iam::1:user/u is not authorized & so on', requestId: 'req-1' });
  });

  it("reads the local AWS emulator's error documents, and a request id in ResponseMetadata", () => {
    const message = `Value 'a<b>&c' at "x" fails`;
    expect(parseStsError(stsErrorXml('Sender', 'ValidationError', message, 'r&1'))).toEqual({ code: 'ValidationError', message, requestId: 'r&1' });
    expect(
      parseStsError('<ErrorResponse><Error><Code>Throttling</Code></Error><ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata></ErrorResponse>'),
    ).toEqual({
      code: 'Throttling',
      message: '',
      requestId: 'r2',
    });
  });

  it('undefined for anything else', () => {
    expect(parseStsError('<html><body>502 Bad Gateway</body></html>')).toBeUndefined();
    expect(parseStsError('<ErrorResponse><Error><Message>no code</Message></Error></ErrorResponse>')).toBeUndefined();
    expect(parseStsError(assumeRoleXml('<AccessKeyId>A</AccessKeyId>'))).toBeUndefined();
    expect(parseStsError('{"message":"not xml"}')).toBeUndefined();
    expect(parseStsError('')).toBeUndefined();
  });
});
