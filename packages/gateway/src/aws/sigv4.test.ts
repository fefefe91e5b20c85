import { AwsV4Signer } from 'aws4fetch';
import { describe, expect, it } from 'vitest';
import { signRequest } from './sigv4.ts';

const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'sa-east-1',
];

/** The headers a fresh aws4fetch signer produces for the same request at the same instant. */
async function reference(
  signed: Headers,
  credentials: { accessKeyId: string; secretAccessKey: string },
  region: string,
  url: string,
  body: string,
): Promise<Headers> {
  return (
    await new AwsV4Signer({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      ...credentials,
      service: 'lambda',
      region,
      datetime: signed.get('x-amz-date') ?? '',
    }).sign()
  ).headers;
}

describe('signRequest (WebCrypto)', () => {
  it('past the signing-key and template bounds (more scopes and backends than either keeps), every signature still matches aws4fetch', async () => {
    const credentials = { accessKeyId: 'AKIDBOUNDS', secretAccessKey: 'bounds/secret' };
    // Twice round more regions than derived keys are kept (8), and more URLs than templates (64).
    for (let round = 0; round < 2; round++) {
      for (const [index, region] of REGIONS.entries()) {
        for (let backend = 0; backend < 6; backend++) {
          const url = `https://lambda.${region}.amazonaws.com/2015-03-31/functions/f${backend}/invocations?Qualifier=v${index}`;
          const body = `{"round":${round},"backend":${backend}}`;
          const signed = await signRequest(
            credentials,
            { service: 'lambda', region },
            { url, method: 'POST', headers: { 'content-type': 'application/json' }, body },
          );
          expect([...signed]).toEqual([...(await reference(signed, credentials, region, url, body))]);
        }
      }
    }
  });

  it('X-Amz-Date is the current second in aws4fetch format', async () => {
    const before = Math.floor(Date.now() / 1000);
    const signed = await signRequest(
      { accessKeyId: 'A', secretAccessKey: 's' },
      { service: 'sts', region: 'us-east-1' },
      { url: 'https://sts.us-east-1.amazonaws.com/', method: 'POST', headers: {}, body: '' },
    );
    const after = Math.floor(Date.now() / 1000);
    const amzDate = signed.get('x-amz-date') ?? '';
    expect(amzDate).toMatch(/^\d{8}T\d{6}Z$/);
    const second = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')) / 1000;
    expect(second).toBeGreaterThanOrEqual(before);
    expect(second).toBeLessThanOrEqual(after);
  });
});
