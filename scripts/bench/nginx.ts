import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Child, stopProcess } from './child.ts';
import { INVOKE_PATH, LOOPBACK, PROXY_PATH } from './common.ts';

/**
 * nginx as the reference C reverse proxy: one worker process (so it gets one
 * core, as a Node process does), `proxy_pass` to an upstream block with
 * `keepalive` (HTTP/1.1, the Connection header cleared), the request body
 * buffered in memory, access log on (buffered, as nginx is usually run).
 * It shows what a proxy hop costs at this machine's limit.
 *
 * Optional: when no `nginx` binary is on the PATH (or in /usr/sbin), the
 * bench says it skipped it. The config lives in a temp dir the bench removes.
 */
export function findNginx(): string | undefined {
  for (const candidate of ['nginx', '/usr/sbin/nginx', '/usr/local/sbin/nginx']) {
    const probe = spawnSync(candidate, ['-v'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

export function nginxConfig(dir: string, port: number, upstream: URL): string {
  const asRoot = process.getuid?.() === 0;
  return `# Written by scripts/bench for the "nginx" reference contender.
${asRoot ? 'user root root;\n' : ''}worker_processes 1;
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log ${join(dir, 'access.log')} combined buffer=64k flush=1s;
  client_body_temp_path ${join(dir, 'client-body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  keepalive_timeout 120s;
  keepalive_requests 1000000;
  client_max_body_size 8m;
  client_body_buffer_size 2m;
  proxy_buffer_size 16k;
  proxy_buffers 64 32k;
  upstream lambda { server ${upstream.hostname}:${upstream.port}; keepalive 1024; keepalive_requests 1000000; keepalive_timeout 120s; }
  server {
    listen ${LOOPBACK}:${port};
    location = ${PROXY_PATH} {
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_pass http://lambda${INVOKE_PATH};
    }
  }
}
`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The worker's pid (the master's child): what serves the requests, so what CPU and RSS are read from. */
function workerOf(masterPid: number): number | undefined {
  try {
    const children = readFileSync(`/proc/${masterPid}/task/${masterPid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return children.length === 1 ? Number(children[0]) : undefined;
  } catch {
    return undefined;
  }
}

/** Starts nginx in the foreground on a free loopback port; resolves once it answers. */
export async function startNginx(binary: string, dir: string, upstream: string): Promise<Child> {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const configFile = join(dir, 'nginx.conf');
  writeFileSync(configFile, nginxConfig(dir, port, new URL(upstream)));
  const child = spawn(binary, ['-p', dir, '-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const url = `http://${LOOPBACK}:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (code ${child.exitCode}): ${stderr.trim()}`);
    const worker = child.pid === undefined ? undefined : workerOf(child.pid);
    const up =
      worker !== undefined &&
      (await fetch(`${url}/`).then(
        () => true,
        () => false,
      ));
    if (up && worker !== undefined) {
      return { name: 'nginx', pid: worker, url, stop: () => stopProcess(child) };
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not answer within 10 s: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
