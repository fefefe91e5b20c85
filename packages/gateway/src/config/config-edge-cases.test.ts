import { describe, expect, it } from 'vitest';
import { ConfigError } from '../validation/index.ts';
import { buildRoutesFromTexts, parseConfigTexts } from './config-texts.ts';

const env = (values: Record<string, string>) => (name: string) => values[name];

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const build = (text: string, values: Record<string, string> = {}, source = 'routes/x.yaml') => buildRoutesFromTexts([{ source, text }], { env: env(values) });

describe('configuration edge cases (the worker path, buildRoutesFromTexts)', () => {
  it('refuses a YAML alias bomb naming the file', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [index, name] of ['b', 'c', 'd', 'e', 'f'].entries()) {
      const previous = String.fromCharCode('a'.charCodeAt(0) + index);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const error = errorOf(() => build(levels.join('\n'), {}, 'routes/bomb.yaml'));
    expect(error.source).toBe('routes/bomb.yaml');
    expect(error.message).toMatch(/^routes\/bomb\.yaml: Excessive alias count .*at most 100/);
  });

  it('names the file for a missing region and for an ARN whose account disagrees with accountId', () => {
    const noRegion = errorOf(() => build('backends:\n  fn: { functionName: echo }\nroutes: [{ backend: fn }]\n', {}, 'routes/a.yaml'));
    expect(noRegion.message).toBe(
      'routes/a.yaml: backends.fn.region: required (no region in functionName and neither AWS_REGION nor AWS_DEFAULT_REGION is set)',
    );
    const arn = 'arn:aws:lambda:us-east-1:111111111111:function:echo';
    const account = errorOf(() =>
      build(`backends:\n  fn: { functionName: "${arn}", accountId: "222222222222" }\nroutes: [{ backend: fn }]\n`, {}, 'routes/b.yaml'),
    );
    expect(account.message).toBe('routes/b.yaml: backends.fn.accountId: "222222222222" disagrees with the account in functionName (111111111111)');
  });

  it('treats backend names like prototype members as ordinary names', () => {
    const text = [
      'backends:',
      '  constructor: { functionName: a, region: us-east-1 }',
      '  toString: { functionName: b, region: us-east-1 }',
      '  hasOwnProperty: { functionName: c, region: us-east-1 }',
      'routes:',
      '  - { name: constructor, backend: constructor }',
      '  - { name: toString, backend: toString, matches: [{ path: { type: PathPrefix, value: /t } }] }',
      '  - { backend: hasOwnProperty, matches: [{ path: { type: PathPrefix, value: /h } }] }',
    ].join('\n');
    const { routes } = build(text);
    expect(routes.map((route) => [route.name, route.backendName, (route.backend as { functionName: string }).functionName])).toEqual([
      ['constructor', 'constructor', 'a'],
      ['toString', 'toString', 'b'],
      ['hasOwnProperty-2', 'hasOwnProperty', 'c'],
    ]);
    // `__proto__` is not dropped: it is checked like any name (and fails the name rule).
    const proto = errorOf(() => build('backends:\n  __proto__: { functionName: a, region: us-east-1 }\nroutes: []\n'));
    expect(proto.message).toContain('routes/x.yaml: backends.__proto__ (name): must be 1-128 characters');
    // A route naming an undefined `constructor` backend is an unknown backend, not a crash.
    expect(errorOf(() => build('backends: {}\nroutes: [{ backend: constructor }]\n')).message).toContain('no backend named "constructor" (defined: none)');
  });

  it('names the closest valid field for an unknown one', () => {
    const error = errorOf(() => build('backends:\n  fn: { functionName: a, region: us-east-1, timeoutMS: 5 }\nroutes: [{ backend: fn }]\n'));
    expect(error.message).toBe('routes/x.yaml: backends.fn.timeoutMS: unknown field "timeoutMS", did you mean timeoutMs?');
    const nested = errorOf(() =>
      build(
        'backends:\n  fn: { functionName: a, region: us-east-1, auth: { type: assumeRole, roleArn: "arn:aws:iam::111111111111:role/r", rolSessionName: ab } }\nroutes: [{ backend: fn }]\n',
      ),
    );
    expect(nested.message).toContain('backends.fn.auth.rolSessionName: unknown field "rolSessionName", did you mean roleSessionName?');
    const top = errorOf(() => build('backend: {}\n'));
    expect(top.message).toBe('routes/x.yaml: backend: unknown field "backend", did you mean backends?');
    const far = errorOf(() => build('backends: {}\nroutes: [{ backend: fn, zzz: 1 }]\n'));
    expect(far.message).toBe(
      'routes/x.yaml: routes[0].zzz: unknown field "zzz" (allowed: name, matches, hostnames, backend, backends, redirect, cors, mirrors, retry)',
    );
  });

  it('never expands placeholders inside comments', () => {
    const text =
      '# set ${UNSET_IN_COMMENT} before running\nbackends:\n  fn: { functionName: a, region: us-east-1 } # ${ALSO_UNSET}\nroutes: [{ backend: fn }]\n';
    expect(build(text).routes).toHaveLength(1);
  });

  it('cannot inject YAML structure through a variable', () => {
    const [document] = parseConfigTexts([{ source: 'x.yaml', text: 'a: ${X}\nb: "${X}"\nc: pre-${X}\n' }], env({ X: '{ injected: true }\nd: 1' }));
    expect(document!.value).toEqual({ a: '{ injected: true }\nd: 1', b: '{ injected: true }\nd: 1', c: 'pre-{ injected: true }\nd: 1' });
  });

  it('gives a plain scalar that is exactly ${NAME} the YAML type of its text, and keeps quoted ones strings', () => {
    const text = 'n: ${T}\nq: "${T}"\nt: ${B}\nz: ${E}\ns: ${S}\nm: ${T}ms\nlit: $${T}\nlatest: $LATEST\n';
    const [document] = parseConfigTexts([{ source: 'x.yaml', text }], env({ T: '5000', B: 'true', E: '', S: 'us-east-1' }));
    expect(document!.value).toEqual({ n: 5000, q: '5000', t: true, z: '', s: 'us-east-1', m: '5000ms', lit: '${T}', latest: '$LATEST' });
    // In a flow map `{ … }` an unquoted `${T}` is not valid YAML (braces are flow indicators): the error says so.
    const flow = errorOf(() => build('backends:\n  fn: { functionName: a, timeoutMs: ${T} }\n', { T: '5000' }));
    expect(flow.message).toMatch(/^routes\/x\.yaml:2:\d+: .*\(inside \{ \} or \[ \], quote placeholders: "\$\{NAME\}"\)$/);
    const { routes } = build('backends:\n  fn:\n    functionName: a\n    region: us-east-1\n    timeoutMs: ${T}\nroutes: [{ backend: fn }]\n', { T: '5000' });
    expect((routes[0]!.backend as { timeoutMs: number }).timeoutMs).toBe(5000);
  });

  it('names every unset variable with its line and the file, never a value', () => {
    const error = errorOf(() =>
      parseConfigTexts([{ source: 'routes/lambda.yaml', text: 'a: 1\nregion: ${AWS_LAMBDA_REGION}\nid: "${LAMBDA_ACCOUNT_ID}"\n' }], env({})),
    );
    expect(error.message).toBe(
      'routes/lambda.yaml: \n  line 2: environment variable AWS_LAMBDA_REGION is not set (used as ${AWS_LAMBDA_REGION})\n  line 3: environment variable LAMBDA_ACCOUNT_ID is not set (used as ${LAMBDA_ACCOUNT_ID})',
    );
  });
});
