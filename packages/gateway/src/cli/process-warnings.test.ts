import { afterEach, describe, expect, it } from 'vitest';
import { describeWarning, logProcessWarnings } from './process-warnings.ts';

describe('describeWarning', () => {
  it('takes the kind of a warning emitted as a bare string from its prefix, the text on one line', () => {
    const warning = Object.assign(
      new Error('NodeVersionSupportWarning: The AWS SDK for JavaScript (v3)\nversions published after the first week of January 2027\nwill require node >=22.'),
      { name: 'Warning' },
    );
    expect(describeWarning(warning)).toEqual({
      warning: 'NodeVersionSupportWarning',
      detail: 'The AWS SDK for JavaScript (v3) versions published after the first week of January 2027 will require node >=22.',
    });
  });

  it('keeps the name and code of a typed warning', () => {
    const warning = Object.assign(new Error('Buffer() is deprecated'), { name: 'DeprecationWarning', code: 'DEP0005' });
    expect(describeWarning(warning)).toEqual({ warning: 'DeprecationWarning', detail: 'Buffer() is deprecated', code: 'DEP0005' });
  });
});

describe('logProcessWarnings', () => {
  const saved = process.listeners('warning');
  afterEach(() => {
    process.removeAllListeners('warning');
    for (const listener of saved) process.on('warning', listener);
  });

  it('replaces the listeners that print warnings with one that logs them at warn', async () => {
    const printed: string[] = [];
    process.removeAllListeners('warning');
    process.on('warning', (warning) => printed.push(warning.message));
    const logged: unknown[] = [];
    const record = (level: string) => (message: string, fields?: Record<string, unknown>) => logged.push({ level, message, fields });
    logProcessWarnings({ debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') });
    process.emitWarning('something odd', { type: 'ExampleWarning', code: 'EX1' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(printed).toEqual([]);
    expect(logged).toEqual([{ level: 'warn', message: 'process warning', fields: { warning: 'ExampleWarning', detail: 'something odd', code: 'EX1' } }]);
  });

  it('leaves warnings off when Node prints none (--no-warnings)', async () => {
    process.removeAllListeners('warning');
    const logged: unknown[] = [];
    const record = () => (message: string) => logged.push(message);
    logProcessWarnings({ debug: record(), info: record(), warn: record(), error: record() });
    expect(process.listenerCount('warning')).toBe(0);
    process.emitWarning('ignored');
    await new Promise((resolve) => setImmediate(resolve));
    expect(logged).toEqual([]);
  });
});
