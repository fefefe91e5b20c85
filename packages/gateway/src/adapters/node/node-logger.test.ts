import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../validation/index.ts';
import { createNodeLogger, logLevelFromEnv } from './node-logger.ts';

afterEach(() => vi.restoreAllMocks());

/** A destination collecting the lines pino writes. */
function collect() {
  const lines: string[] = [];
  return {
    lines,
    destination: { write: (line: string) => void lines.push(line) },
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

// Past the logger's flush delay (5 ms), with room for a loaded machine.
const pastFlushDelay = () => new Promise((resolve) => setTimeout(resolve, 25));

describe('createNodeLogger', () => {
  it('writes one JSON object per line with time (ISO), level (its name) and msg, redacting secret-looking keys at any depth', () => {
    const { lines, destination, entries } = collect();
    const logger = createNodeLogger({ level: 'info', destination });
    logger.info('request', {
      requestId: 'r-1',
      status: 200,
      sessionToken: 'tok-top',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'sak-nested' },
      headers: { 'x-amz-security-token': 'amz-tok', cookie: 'c=1', accept: 'text/plain' },
      nested: { Authorization: 'AWS4 x', ok: [1, { password: 'pw' }], deeper: { awsSecretKey: 'deep-secret' } },
      error: new Error('boom'),
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    const [entry] = entries();
    expect(entry).toMatchObject({ level: 'info', msg: 'request', requestId: 'r-1', status: 200, sessionToken: '[redacted]', credentials: '[redacted]' });
    expect(new Date(entry!['time'] as string).toISOString()).toBe(entry!['time']);
    expect(entry!['headers']).toEqual({ 'x-amz-security-token': '[redacted]', cookie: '[redacted]', accept: 'text/plain' });
    expect(entry!['nested']).toEqual({ Authorization: '[redacted]', ok: [1, { password: '[redacted]' }], deeper: { awsSecretKey: '[redacted]' } });
    expect(entry!['error']).toEqual({ name: 'Error', message: 'boom' });
    expect(Object.keys(entry!)).not.toContain('pid');
    expect(Object.keys(entry!)).not.toContain('hostname');
    for (const secret of ['tok-top', 'sak-nested', 'amz-tok', 'c=1', 'AWS4 x', 'pw', 'deep-secret']) expect(lines[0]).not.toContain(secret);
  });

  it('drops entries below the level, and everything at silent', () => {
    const warn = collect();
    const atWarn = createNodeLogger({ level: 'warn', destination: warn.destination });
    atWarn.debug('debug');
    atWarn.info('quiet');
    atWarn.warn('loud');
    atWarn.error('louder');
    expect(warn.entries().map((entry) => [entry['level'], entry['msg']])).toEqual([
      ['warn', 'loud'],
      ['error', 'louder'],
    ]);

    const debug = collect();
    createNodeLogger({ level: 'debug', destination: debug.destination }).debug('details', { n: 1 });
    expect(debug.entries()).toMatchObject([{ level: 'debug', msg: 'details', n: 1 }]);

    const silent = collect();
    const quiet = createNodeLogger({ level: 'silent', destination: silent.destination });
    quiet.error('nothing');
    expect(silent.lines).toEqual([]);
  });

  describe('through sonic-boom (as on stdout)', () => {
    let dir: string | undefined;
    afterEach(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
      dir = undefined;
    });

    async function fileDestination() {
      dir = await mkdtemp(join(tmpdir(), 'node-logger-'));
      const file = join(dir, 'log');
      const fd = fs.openSync(file, 'w');
      const destination = pino.destination({ dest: fd, sync: false, minLength: 4096 });
      const writes: string[] = [];
      const realWrite = fs.write;
      // Records the log file's writes and lets each one take 100 ms, as a slow pipe would (well past the flush delay).
      vi.spyOn(fs, 'write').mockImplementation(((target: number, data: string, ...rest: unknown[]) => {
        if (target !== fd) return (realWrite as (...args: unknown[]) => void)(target, data, ...rest);
        writes.push(String(data));
        const done = rest.pop() as (...results: unknown[]) => void;
        return (realWrite as (...args: unknown[]) => void)(target, data, ...rest, (...results: unknown[]) => setTimeout(() => done(...results), 100));
      }) as typeof fs.write);
      /** Waits until the file holds `lines` lines. */
      const written = (lines: number) => vi.waitFor(async () => expect((await readFile(file, 'utf8')).split('\n')).toHaveLength(lines + 1));
      return { destination, writes, written, read: () => readFile(file, 'utf8'), close: () => destination.end() };
    }

    it('writes the lines logged within the flush delay in order, in one write', async () => {
      const sink = await fileDestination();
      const logger = createNodeLogger({ level: 'info', destination: sink.destination });
      logger.info('one', { n: 1 });
      logger.info('two', { n: 2 });
      logger.info('three', { n: 3 });
      expect(sink.writes).toEqual([]);
      await pastFlushDelay();
      await sink.written(3);
      expect(sink.writes).toHaveLength(1);
      expect(
        sink.writes[0]!.trimEnd()
          .split('\n')
          .map((line) => (JSON.parse(line) as { n: number }).n),
      ).toEqual([1, 2, 3]);
      expect(await sink.read()).toBe(sink.writes[0]);
      sink.close();
    });

    it('writes a line logged while a write is under way once that write finishes, not at the next log', async () => {
      const sink = await fileDestination();
      const logger = createNodeLogger({ level: 'info', destination: sink.destination });
      logger.info('first');
      await pastFlushDelay();
      expect(sink.writes).toHaveLength(1);
      // The first write is still in the thread pool (the test's fs.write answers after 100 ms): the next flush finds sonic-boom busy.
      logger.info('during the write');
      await sink.written(2);
      expect(
        (await sink.read())
          .trimEnd()
          .split('\n')
          .map((line) => (JSON.parse(line) as { msg: string }).msg),
      ).toEqual(['first', 'during the write']);
      sink.close();
    });

    it('never holds more than a bounded amount: a long burst is written while it runs', async () => {
      const sink = await fileDestination();
      const logger = createNodeLogger({ level: 'info', destination: sink.destination });
      for (let i = 0; i < 200; i++) logger.info('request', { requestId: `r-${i}`, path: '/echo', status: 200 });
      expect(sink.writes.length).toBeGreaterThan(0);
      await sink.written(200);
      const lines = (await sink.read()).trimEnd().split('\n');
      expect(lines.map((line) => (JSON.parse(line) as { requestId: string }).requestId)).toEqual(Array.from({ length: 200 }, (_, i) => `r-${i}`));
      sink.close();
    });
  });

  it('writes what is pending on stdout when the process exits, even by process.exit()', () => {
    const script = `import { createNodeLogger } from ${JSON.stringify(resolve(import.meta.dirname, 'node-logger.ts'))};
      const logger = createNodeLogger({ level: 'info' });
      logger.info('first');
      logger.warn('last words', { n: 2 });
      process.exit(3);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: resolve(import.meta.dirname, '../../..'),
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(3);
    const entries = child.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toMatchObject([
      { level: 'info', msg: 'first' },
      { level: 'warn', msg: 'last words', n: 2 },
    ]);
  });
});

describe('logLevelFromEnv', () => {
  it('is info when LOG_LEVEL is unset or empty, the level when it names one', () => {
    expect(logLevelFromEnv(undefined)).toBe('info');
    expect(logLevelFromEnv('')).toBe('info');
    expect(logLevelFromEnv('debug')).toBe('debug');
    expect(logLevelFromEnv('silent')).toBe('silent');
  });

  it('rejects an unknown LOG_LEVEL as the worker does', () => {
    const error = (() => {
      try {
        logLevelFromEnv('loud');
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe('environment: LOG_LEVEL: must be one of debug, info, warn, error, silent');
  });
});

describe('createNodeLogger, flat entries (the access log)', () => {
  it('writes flat fields directly with the bytes pino writes, and nested ones through pino, in call order', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-01-02T03:04:05.678Z') });
    try {
      const { lines, destination } = collect();
      const logger = createNodeLogger({ level: 'info', destination });
      logger.info('request', {
        requestId: 'a"b\\c\n',
        method: 'POST',
        status: 200,
        ms: -0,
        nan: Number.NaN,
        ok: true,
        none: null,
        skip: undefined,
        sessionToken: 'tok',
      });
      logger.warn('nested', { requestId: 'r', detail: { sessionToken: 'tok', n: 1 } });
      const flatViaPino = collect();
      // The same flat entry forced through pino (a nested field switches the fast path off), to compare bytes.
      createNodeLogger({ level: 'info', destination: flatViaPino.destination }).info('request', {
        requestId: 'a"b\\c\n',
        method: 'POST',
        status: 200,
        ms: -0,
        nan: Number.NaN,
        ok: true,
        none: null,
        skip: undefined,
        sessionToken: 'tok',
        z: {},
      });
      expect(lines[0]).toBe(
        '{"level":"info","time":"2026-01-02T03:04:05.678Z","requestId":"a\\"b\\\\c\\n","method":"POST","status":200,"ms":0,"nan":null,"ok":true,"none":null,"sessionToken":"[redacted]","msg":"request"}\n',
      );
      expect(flatViaPino.lines[0]).toBe(lines[0]!.replace(',"msg"', ',"z":{},"msg"'));
      expect(JSON.parse(lines[1]!)).toEqual({
        level: 'warn',
        time: '2026-01-02T03:04:05.678Z',
        requestId: 'r',
        detail: { sessionToken: '[redacted]', n: 1 },
        msg: 'nested',
      });
      expect(lines.join('')).not.toContain('tok"');
    } finally {
      vi.useRealTimers();
    }
  });
});
