/**
 * deploy/kubernetes: every overlay rendered with `kubectl kustomize`, every object validated
 * against the Kubernetes schemas (kubernetes-models), the pod spec checked against the gateway's
 * drain and probe budgets, and `serve` started the way the pod would run it — the rendered
 * ConfigMap (and Secret) projected as the kubelet does, the container's args and env plus what
 * the overlay's credential setup injects — until /readyz is 200 and /echo answers through the
 * local AWS, whose IAM trusts exactly the shipped service account.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../../packages/local-aws/src/index.ts';
import { DEFAULT_SECRETS_DIR } from '../../packages/gateway/src/adapters/node/secrets-dir.ts';
import { startServeProcess } from '../support/serve-process.ts';
import { GUIDE_BODY, GUIDE_RESPONSE } from '../support/stack.ts';
import { kubectlMissing, only, OVERLAYS, projectVolume, renderOverlay, validateObject, type KubernetesObject } from './kustomize.ts';

const SCENARIO = resolve(import.meta.dirname, '../fixtures/deploy-scenario.yaml');
const POD_IDENTITY_TOKEN = 'local-pod-identity-token-for-deploy-tests';
const USER_KEYS = { accessKey: 'AKIADEPLOYTESTUSER01', secretKey: 'deployTestUserSecret/00000000000000000000' };
/** /readyz's credential budget (core/health.ts): probe timeouts must be longer. */
const READYZ_BUDGET_SECONDS = 3;
const WEB_IDENTITY_VARIABLES = ['AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE'];

interface Container {
  name: string;
  args: string[];
  env?: { name: string; value?: string }[];
  volumeMounts: { name: string; mountPath: string }[];
  readinessProbe: { httpGet: { path: string }; timeoutSeconds: number };
  livenessProbe: { httpGet: { path: string }; timeoutSeconds: number };
  resources: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
  lifecycle?: { preStop?: { sleep?: { seconds: number } } };
}
interface PodSpec {
  serviceAccountName: string;
  terminationGracePeriodSeconds: number;
  securityContext: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
  volumes: { name: string; configMap?: { name: string }; secret?: { secretName: string } }[];
}

const missing = kubectlMissing();
if (missing) console.warn(missing);

let aws: LocalAws;
let dir: string;
beforeAll(async () => {
  if (missing) return;
  aws = await startLocalAws({ scenario: SCENARIO });
  dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-deploy-'));
});
afterAll(async () => {
  await aws?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function seconds(args: string[], flag: string): number {
  const value = args[args.indexOf(flag) + 1];
  if (args.indexOf(flag) === -1 || !value?.endsWith('s')) throw new Error(`container args lack ${flag} <N>s`);
  return Number(value.slice(0, -1));
}

describe.skipIf(missing !== undefined).each(OVERLAYS)('deploy/kubernetes/overlays/%s', (overlay) => {
  let objects: KubernetesObject[];
  let pod: PodSpec;
  let container: Container;
  beforeAll(() => {
    objects = renderOverlay(overlay);
    pod = only<{ spec: { template: { spec: PodSpec } } }>(objects, 'Deployment').spec.template.spec;
    container = pod.containers[0]!;
  });

  it('renders a Namespace, ServiceAccount, ConfigMap, Deployment, Service, PodDisruptionBudget, HPA and NetworkPolicy, each valid', () => {
    expect(objects.map((object) => object.kind).sort()).toEqual(
      ['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Namespace', 'NetworkPolicy', 'PodDisruptionBudget', 'Service', 'ServiceAccount'].sort(),
    );
    for (const object of objects) validateObject(object);
    const namespace = only(objects, 'Namespace').metadata.name;
    for (const object of objects.filter((item) => item.kind !== 'Namespace')) expect(object.metadata.namespace, object.kind).toBe(namespace);
    // kubernetes-models checks types, not references: these are checked here.
    const sa = only(objects, 'ServiceAccount');
    expect(pod.serviceAccountName).toBe(sa.metadata.name);
    expect(pod.volumes.find((volume) => volume.name === 'config')?.configMap?.name).toBe(only(objects, 'ConfigMap').metadata.name);
    const hpa = only<{ spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number } }>(objects, 'HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: only(objects, 'Deployment').metadata.name });
    const pdb = only<{ spec: { minAvailable: number } }>(objects, 'PodDisruptionBudget');
    expect(pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
  });

  it('runs non-root on a read-only root filesystem with resources, probes above the handlers’ budgets, and the drain inside the grace period', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(container.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.resources.limits?.memory).toBeDefined();
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.readinessProbe.timeoutSeconds).toBeGreaterThan(READYZ_BUDGET_SECONDS);
    expect(container.livenessProbe.timeoutSeconds).toBeGreaterThan(READYZ_BUDGET_SECONDS);
    const drainDelay = seconds(container.args, '--drain-delay');
    const shutdownTimeout = seconds(container.args, '--shutdown-timeout');
    const preStop = container.lifecycle?.preStop?.sleep?.seconds ?? 0;
    expect(drainDelay).toBeLessThan(shutdownTimeout);
    expect(preStop + shutdownTimeout).toBeLessThan(pod.terminationGracePeriodSeconds);
  });

  it('carries only its own credential setup', () => {
    const annotations = only(objects, 'ServiceAccount').metadata.annotations ?? {};
    const env = (container.env ?? []).map((variable) => variable.name);
    const mounts = container.volumeMounts.map((mount) => mount.mountPath);
    if (overlay === 'irsa') expect(annotations['eks.amazonaws.com/role-arn']).toBe('arn:aws:iam::111111111111:role/lambda-auth-role');
    else expect(annotations).not.toHaveProperty('eks.amazonaws.com/role-arn');
    // With Pod Identity, web identity variables would win the credential chain.
    for (const name of WEB_IDENTITY_VARIABLES) expect(env).not.toContain(name);
    if (overlay === 'resource-based') expect(mounts).toContain(`${DEFAULT_SECRETS_DIR}/aws-creds`);
    else expect(mounts.some((path) => path.startsWith(DEFAULT_SECRETS_DIR))).toBe(false);
  });

  it('serves: Ready, then /echo answers through the local AWS with the overlay’s credentials; SIGTERM drains and exits 0', async () => {
    const root = await mkdtemp(join(dir, `${overlay}-`));
    const at = (path: string) => join(root, path);
    const configMount = container.volumeMounts.find((mount) => mount.name === 'config')!.mountPath;
    await projectVolume(at(configMount), only<{ data: Record<string, string> }>(objects, 'ConfigMap').data);
    const env: Record<string, string> = { AWS_ENDPOINT_URL: aws.url, LAMBDA_GATEWAY_SECRETS_DIR: at(DEFAULT_SECRETS_DIR) };
    for (const variable of container.env ?? []) if (variable.value !== undefined) env[variable.name] = variable.value;
    const sa = only(objects, 'ServiceAccount');
    if (overlay === 'irsa') {
      // What the EKS pod identity webhook injects from the annotation, the token for the shipped service account.
      const token = at('token');
      await writeFile(token, await aws.mintWebIdentityToken({ sub: `system:serviceaccount:${sa.metadata.namespace}:${sa.metadata.name}` }));
      Object.assign(env, { AWS_ROLE_ARN: sa.metadata.annotations!['eks.amazonaws.com/role-arn']!, AWS_WEB_IDENTITY_TOKEN_FILE: token });
    } else if (overlay === 'pod-identity') {
      const token = at('pod-identity-token');
      await writeFile(token, POD_IDENTITY_TOKEN);
      Object.assign(env, { AWS_CONTAINER_CREDENTIALS_FULL_URI: aws.containerCredentialsUrl, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: token });
    } else {
      const secretMount = container.volumeMounts.find((mount) => mount.name === 'aws-creds')!.mountPath;
      await projectVolume(at(secretMount), { accessKey: USER_KEYS.accessKey, secretKey: USER_KEYS.secretKey, sessionToken: '' });
    }
    const args = container.args.slice(1).flatMap((arg, index, all) => (arg === '--port' || all[index - 1] === '--port' ? [] : [arg]));
    args[args.indexOf('--config') + 1] = at(configMount);
    // The pod's admin listener on a free loopback port: tests run in parallel on one machine, and listen only on loopback.
    if (args.includes('--admin-port')) args[args.indexOf('--admin-port') + 1] = '0';
    if (args.includes('--admin-host')) args[args.indexOf('--admin-host') + 1] = '127.0.0.1';
    expect(container.args[0]).toBe('serve');

    const gateway = await startServeProcess(args, env);
    try {
      let ready = 0;
      for (let attempt = 0; attempt < 60 && ready !== 200; attempt++) {
        ready = (await fetch(`${gateway.url}/readyz`)).status;
        if (ready !== 200) await new Promise((done) => setTimeout(done, 250));
      }
      expect(ready, JSON.stringify(gateway.output())).toBe(200);
      const response = await fetch(`${gateway.url}/echo`, { method: 'POST', body: GUIDE_BODY });
      expect(await response.text()).toBe(GUIDE_RESPONSE);
      const caller = aws.invocations('echo').at(-1)?.callerArn;
      if (overlay === 'resource-based') expect(caller).toBe('arn:aws:iam::111111111111:user/gateway');
      else expect(caller).toMatch(/^arn:aws:sts::222222222222:assumed-role\/lambda-invoke-role\//);
      gateway.child.kill('SIGTERM');
      expect((await gateway.exited).code).toBe(0);
    } finally {
      if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
    }
  }, 60_000);
});
