import { describe, expect, it } from 'vitest';
import { configErrorOf, translateYaml } from './manifest-test-support.ts';

const secretYaml = (body: string) => `apiVersion: v1\nkind: Secret\nmetadata: { name: aws-creds, namespace: gloo-system }\ntype: Opaque\n${body}\n`;
const SECRET = 'm.yaml: Secret gloo-system/aws-creds: ';

describe('Secret manifests', () => {
  it('registers stringData and base64 data under the Secret name, stringData winning (as the API server merges them)', () => {
    const data = `data:\n  aws_access_key_id: ${btoa('AKIAFROMDATA00000001')}\n  aws_secret_access_key: ${btoa('c2VjcmV0/key')}\n  accessKey: ${btoa('AKIAOVERRIDDEN000001')}`;
    const translated = translateYaml(secretYaml(`${data}\nstringData:\n  accessKey: AKIASTRINGDATA000001\n  sessionToken: ""`));
    expect(translated.secrets).toEqual({
      'aws-creds': { aws_access_key_id: 'AKIAFROMDATA00000001', aws_secret_access_key: 'c2VjcmV0/key', accessKey: 'AKIASTRINGDATA000001', sessionToken: '' },
    });
  });

  it('refuses data that is not base64, without printing the value', () => {
    const message = configErrorOf(() => translateYaml(secretYaml('data:\n  secretKey: "not base64!"')));
    expect(message).toBe(`${SECRET}data.secretKey: must be base64-encoded (use stringData for plain text)`);
    expect(message).not.toContain('not base64!');
  });

  it('refuses values that are not strings, without printing the value', () => {
    const message = configErrorOf(() => translateYaml(secretYaml('stringData:\n  secretKey: 123456789')));
    expect(message).toBe(`${SECRET}stringData.secretKey: must be a string (quote it in YAML)`);
    expect(message).not.toContain('123456789');
  });

  it("checks keys with Kubernetes' rule and unknown top-level fields", () => {
    expect(configErrorOf(() => translateYaml(secretYaml('stringData:\n  "access key": x')))).toBe(
      `${SECRET}stringData.access key: keys must consist of alphanumeric characters, "-", "_" or "."`,
    );
    expect(configErrorOf(() => translateYaml(secretYaml('spec: {}')))).toBe(
      `${SECRET}spec: unknown field (allowed: apiVersion, kind, metadata, type, immutable, data, stringData)`,
    );
  });
});
