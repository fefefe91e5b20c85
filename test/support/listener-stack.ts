/**
 * The stack of the Gateway listener tests: the local AWS with three Lambda functions named as
 * the Gateway API conformance suite's Services (infra-backend-v1/v2/v3, plus web-backend in
 * its own namespace), each answering which function ran; kgateway Backends to them; and
 * `serve` (in-process, on real ports) over a conformance YAML whose Service backendRefs are
 * turned into refs to those Backends. Clients send the Host (and for TLS the SNI name) the way
 * the suite's round tripper does.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { connect as connectH2 } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { startLocalAws, type LocalAws } from '../../packages/local-aws/src/index.ts';
import { startGateway } from '../../packages/gateway/src/cli/serve.ts';
import { silentLogger, type Logger } from '../../packages/gateway/src/logging/index.ts';
import { writeMountedSecret } from './stack.ts';

const LISTENER_TEST_KEY = { accessKey: 'AKIALISTENERS0000001', secretKey: 'listenersSecretKey/00000000000000000000' };

/** Functions that say who they are, invokable only with the test user's signed requests. */
const SCENARIO = (functionsDir: string) => `defaultRegion: us-east-1
functionsDir: ${functionsDir}
accounts:
  "222222222222":
    users:
      listeners:
        accessKeys: [{ accessKeyId: ${LISTENER_TEST_KEY.accessKey}, secretAccessKey: ${LISTENER_TEST_KEY.secretKey} }]
        policies:
          - { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: lambda:InvokeFunction, Resource: ["arn:aws:lambda:us-east-1:222222222222:function:infra-backend-*", "arn:aws:lambda:us-east-1:222222222222:function:web-backend"] }] }
    functions:
      infra-backend-v1: { handler: backend-echo.mjs }
      infra-backend-v2: { handler: backend-echo.mjs }
      infra-backend-v3: { handler: backend-echo.mjs }
      web-backend: { handler: backend-echo.mjs }
`;

const BACKEND_ECHO = `export const handler = async (event, context) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ backend: context.functionName, host: event.headers?.host, path: event.rawPath }),
});
`;

/** A kgateway AWS Backend for function `name` in account 222222222222, signed with the mounted `aws-creds` Secret. */
export const lambdaBackendManifest = (
  name: string,
  namespace: string,
  payloadTransformMode: 'Envoy' | 'None' = 'Envoy',
) => `apiVersion: gateway.kgateway.dev/v1alpha1
kind: Backend
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  type: AWS
  aws:
    region: us-east-1
    accountId: "222222222222"
    auth: { type: Secret, secretRef: { name: aws-creds } }
    lambda: { functionName: ${name}, payloadTransformMode: ${payloadTransformMode} }
`;

/** kgateway Backends named as the suite's Services, each to its own function, in the Services' namespaces. */
const BACKENDS = [
  ...['infra-backend-v1', 'infra-backend-v2', 'infra-backend-v3'].map((name) => lambdaBackendManifest(name, 'gateway-conformance-infra')),
  lambdaBackendManifest('web-backend', 'gateway-conformance-web-backend'),
].join('---\n');

/** The suite's backendRefs to Services become refs to the kgateway Backends above. */
export const toBackends = (yaml: string) =>
  yaml.replace(
    /backendRefs:\n(\s+)- name: (\S+)\n(\s+)(kind: Service\n\s+)?port: 8080/g,
    'backendRefs:\n$1- { group: gateway.kgateway.dev, kind: Backend, name: $2 }',
  );

export const CONFORMANCE_TESTDATA = join(import.meta.dirname, '..', 'integration', 'testdata', 'gateway-api');
export const readConformance = (name: string) => readFile(join(CONFORMANCE_TESTDATA, `${name}.yaml`), 'utf8');

export interface ListenerStack {
  dir: string;
  /** `serve` over the Backends and this YAML (its backendRefs turned into Backend refs). */
  /** `logger`: where the gateway's lines go (default: nowhere). */
  serveYaml(name: string, yaml: string, logger?: Logger): ReturnType<typeof startGateway>;
  writeSecret(name: string, values: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export async function startListenerStack(): Promise<ListenerStack> {
  const dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-listeners-'));
  await writeFile(join(dir, 'backend-echo.mjs'), BACKEND_ECHO);
  await writeFile(join(dir, 'scenario.yaml'), SCENARIO(dir));
  const secrets = join(dir, 'secrets');
  await writeMountedSecret(secrets, 'aws-creds', { accessKey: LISTENER_TEST_KEY.accessKey, secretKey: LISTENER_TEST_KEY.secretKey });
  const aws: LocalAws = await startLocalAws({ scenario: join(dir, 'scenario.yaml') });
  return {
    dir,
    serveYaml: async (name, yaml, logger = silentLogger) => {
      const file = join(dir, `${name}.yaml`);
      await writeFile(file, `${BACKENDS}---\n${toBackends(yaml)}`);
      return startGateway({
        config: [file],
        host: '127.0.0.1',
        secretsDir: secrets,
        adminPort: 0,
        watch: false,
        logger,
        env: { AWS_ENDPOINT_URL: aws.url, AWS_REGION: 'us-east-1' },
      });
    },
    writeSecret: (name, values) => writeMountedSecret(secrets, name, values),
    close: async () => {
      await aws.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  backend: string | undefined;
}

const answerOf = (status: number, contentType: string | undefined, text: string): Answer => {
  const body = contentType?.includes('json') ? (JSON.parse(text) as { backend?: string }) : {};
  return { status, backend: body.backend };
};

/** One GET over HTTP/1.1 with this Host header (and for TLS, this SNI name and CA). */
export function get(port: number, host: string, tls?: { ca: string; servername: string }, path = '/'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port, path, headers: { host }, agent: false as const };
    const request = tls ? httpsRequest({ ...options, ca: tls.ca, servername: tls.servername }) : httpRequest(options);
    request.once('error', reject);
    request.once('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve(answerOf(response.statusCode ?? 0, response.headers['content-type'], text)));
    });
    request.end();
  });
}

/** One GET over HTTP/2 on a connection opened for `servername` (SNI), with `:authority` = `authority`. */
export async function getH2(port: number, servername: string, authority: string, path: string, ca: string): Promise<Answer> {
  const session = connectH2(`https://127.0.0.1:${port}`, { ca, servername });
  try {
    return await new Promise<Answer>((resolve, reject) => {
      session.once('error', reject);
      const stream = session.request({ ':path': path, ':authority': authority });
      let text = '';
      let status = 0;
      let contentType: string | undefined;
      stream.on('response', (headers) => {
        status = Number(headers[':status']);
        contentType = headers['content-type'] as string | undefined;
      });
      stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
      stream.on('end', () => resolve(answerOf(status, contentType, text)));
      stream.on('error', reject);
      stream.end();
    });
  } finally {
    session.close();
  }
}

/** A self-signed EC certificate for these DNS names (the first is the CN). */
export const certificate = (names: string[]) =>
  generate([{ name: 'commonName', value: names[0]! }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: names.map((value) => ({ type: 2, value })) }],
  });
