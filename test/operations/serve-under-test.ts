/**
 * `serve` as the CLI runs it (cli/serve.ts startGateway: operations, admin
 * listener, readiness), in this process so tests can read its log lines, with
 * mounted-style secrets in a temp directory and AWS pointed at the local AWS.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway, type RunningGateway, type StartGatewayOptions } from '../../packages/gateway/src/cli/serve.ts';
import { CredentialCache } from '../../packages/gateway/src/credentials/index.ts';
import { createJsonLogger } from '../../packages/gateway/src/logging/index.ts';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';

export interface ServeUnderTest {
  url: string;
  adminUrl: string;
  logs: string[];
  secretsDir: string;
  /** The temp config directory passed as `--config`. */
  configDir: string;
  reload: RunningGateway['reload'];
  close(): Promise<void>;
}

export async function startServe(options: {
  aws: LocalAws;
  /** File contents by file name, written to a temp config directory. */
  files: Record<string, string>;
  secrets?: Record<string, Record<string, string>>;
  env?: Record<string, string>;
  serve?: Partial<StartGatewayOptions>;
  /** Writes the config directory itself (e.g. a ConfigMap-style mount); default: `files` flat in it. */
  layout?: (configDir: string) => Promise<void>;
  /** `--config` path inside the config directory (default: the directory). */
  configPath?: string;
}): Promise<ServeUnderTest> {
  const dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-ops-'));
  const configDir = join(dir, 'config');
  const secretsDir = join(dir, 'secrets');
  await mkdir(configDir);
  await mkdir(secretsDir);
  if (options.layout) await options.layout(configDir);
  for (const [name, text] of Object.entries(options.files)) await writeFile(join(configDir, name), text);
  for (const [name, values] of Object.entries(options.secrets ?? {})) {
    await mkdir(join(secretsDir, name));
    for (const [key, value] of Object.entries(values)) await writeFile(join(secretsDir, name, key), value);
  }
  const logs: string[] = [];
  try {
    const server = await startGateway({
      config: [options.configPath ? join(configDir, options.configPath) : configDir],
      port: 0,
      host: '127.0.0.1',
      adminPort: 0,
      secretsDir,
      env: { AWS_ENDPOINT_URL: options.aws.url, AWS_REGION: 'us-east-1', ...options.env },
      logger: createJsonLogger((line) => logs.push(line), 'debug'),
      credentialCache: new CredentialCache(),
      ...options.serve,
    });
    return {
      url: server.url,
      adminUrl: server.admin?.url ?? '',
      logs,
      secretsDir,
      configDir,
      reload: server.reload,
      close: async () => {
        await server.close(2_000);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Prometheus text as `{ name, labels, value }` samples (comments dropped). */
export function parseMetrics(text: string): Array<{ name: string; labels: Record<string, string>; value: number }> {
  const samples: Array<{ name: string; labels: Record<string, string>; value: number }> = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]!] = pair[2]!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the one sample named `name` whose labels include `labels` (undefined when there is none). */
export function sampleValue(samples: ReturnType<typeof parseMetrics>, name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} matches ${found.length} samples`);
  return found[0]?.value;
}
