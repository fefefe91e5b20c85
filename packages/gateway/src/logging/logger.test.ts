import { describe, expect, it } from 'vitest';
import { createJsonLogger } from './logger.ts';

describe('createJsonLogger', () => {
  it('writes time, level, msg, then the fields in order, redacting secret-looking keys at any depth', () => {
    const lines: string[] = [];
    const logger = createJsonLogger((line) => lines.push(line), 'info');
    logger.info('request', {
      requestId: 'r-1',
      status: 200,
      sessionToken: 'tok',
      nested: { Authorization: 'AWS4 x', ok: [1, { password: 'p' }] },
      error: new Error('boom'),
    });
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(entry)).toEqual(['time', 'level', 'msg', 'requestId', 'status', 'sessionToken', 'nested', 'error']);
    expect(entry).toMatchObject({ level: 'info', msg: 'request', requestId: 'r-1', status: 200, sessionToken: '[redacted]' });
    expect(entry['nested']).toEqual({ Authorization: '[redacted]', ok: [1, { password: '[redacted]' }] });
    expect(entry['error']).toEqual({ name: 'Error', message: 'boom' });
    expect(lines[0]).not.toContain('tok');
  });

  it('drops entries below the level', () => {
    const lines: string[] = [];
    const logger = createJsonLogger((line) => lines.push(line), 'warn');
    logger.info('quiet');
    logger.warn('loud');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['loud']);
  });
});
