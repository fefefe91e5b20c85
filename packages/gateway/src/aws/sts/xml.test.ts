import { describe, expect, it } from 'vitest';
import { parseStsError, parseStsSession } from './xml.ts';

const NS = 'xmlns="https://sts.amazonaws.com/doc/2011-06-15/"';

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

  it('refuses incomplete credentials', () => {
    expect(parseStsSession('<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>A</AccessKeyId></Credentials></AssumeRoleResult></AssumeRoleResponse>')).toBeUndefined();
    expect(parseStsSession('<html>bad gateway</html>')).toBeUndefined();
  });
});

describe('parseStsError', () => {
  it('reads Code, Message and RequestId', () => {
    const xml = `<ErrorResponse ${NS}><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::1:user/u is not authorized &amp; so on</Message></Error><RequestId>req-1</RequestId></ErrorResponse>`;
    expect(parseStsError(xml)).toEqual({ code: 'AccessDenied', message: 'User: arn:aws:iam::1:user/u is not authorized & so on', requestId: 'req-1' });
  });

  it('undefined for anything else', () => {
    expect(parseStsError('<html><body>502 Bad Gateway</body></html>')).toBeUndefined();
  });
});
