import { describe, expect, it } from 'vitest';
import { createAbortControllerPool } from './abort-controller-pool.ts';

describe('createAbortControllerPool', () => {
  it('hands a released, clean controller out again', () => {
    const pool = createAbortControllerPool();
    const first = pool.acquire();
    pool.release(first);
    expect(pool.acquire()).toBe(first);
  });

  it('never reuses an aborted controller or one whose signal still has an abort listener', () => {
    const pool = createAbortControllerPool();
    const aborted = pool.acquire();
    aborted.abort();
    pool.release(aborted);
    const listened = pool.acquire();
    listened.signal.addEventListener('abort', () => undefined);
    pool.release(listened);
    const withHandler = pool.acquire();
    withHandler.signal.onabort = () => undefined;
    pool.release(withHandler);
    const next = pool.acquire();
    expect([aborted, listened, withHandler]).not.toContain(next);
  });

  it('keeps at most `max` controllers', () => {
    const pool = createAbortControllerPool(2);
    const controllers = [pool.acquire(), pool.acquire(), pool.acquire()];
    for (const controller of controllers) pool.release(controller);
    const again = [pool.acquire(), pool.acquire(), pool.acquire()];
    expect(again.filter((c) => controllers.includes(c))).toHaveLength(2);
  });
});
