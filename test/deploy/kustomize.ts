/** Rendering deploy/kubernetes' overlays with `kubectl kustomize` and validating them with kubernetes-models. */
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap, Namespace, Service, ServiceAccount } from 'kubernetes-models/v1';

export const KUBERNETES_DIR = resolve(import.meta.dirname, '../../deploy/kubernetes');
export const OVERLAYS = ['irsa', 'resource-based', 'pod-identity'] as const;

/** Why the overlay tests cannot run here, or undefined when `kubectl` is on the PATH. */
export function kubectlMissing(): string | undefined {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'kubectl is not installed: skipping the deploy/kubernetes overlay tests (they render with `kubectl kustomize`)';
  }
}

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string>; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** `kubectl kustomize deploy/kubernetes/overlays/<name>`, parsed. */
export function renderOverlay(name: (typeof OVERLAYS)[number]): KubernetesObject[] {
  const text = execFileSync('kubectl', ['kustomize', join(KUBERNETES_DIR, 'overlays', name)], { encoding: 'utf8' });
  return parseAllDocuments(text).map((document) => document.toJS() as KubernetesObject);
}

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ServiceAccount': ServiceAccount,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

/** Validates an object against its Kubernetes schema; throws naming the object and the schema error. */
export function validateObject(object: KubernetesObject): void {
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) throw new Error(`${object.apiVersion} ${object.kind} ${object.metadata.name}: no schema known to this test`);
  try {
    new Model(object as never).validate();
  } catch (error) {
    throw new Error(`${object.kind} ${object.metadata.name}: ${(error as Error).message}`);
  }
}

/** The one object of `kind` in a rendered overlay. */
export function only<T = KubernetesObject>(objects: KubernetesObject[], kind: string): T & KubernetesObject {
  const found = objects.filter((object) => object.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0] as T & KubernetesObject;
}

/**
 * Writes a volume's files the way the kubelet projects a ConfigMap or Secret: the data in a
 * timestamped directory, `..data` pointing at it, and each key a symlink through `..data`.
 */
export async function projectVolume(dir: string, data: Record<string, string>): Promise<void> {
  const stamp = join(dir, '..2026_12_01_00_00_00.000000001');
  await mkdir(stamp, { recursive: true });
  for (const [key, value] of Object.entries(data)) await writeFile(join(stamp, key), value);
  await symlink('..2026_12_01_00_00_00.000000001', join(dir, '..data'));
  for (const key of Object.keys(data)) await symlink(join('..data', key), join(dir, key));
}
