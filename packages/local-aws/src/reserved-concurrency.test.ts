import { describe, expect, it } from 'vitest';
import { ReservedConcurrency } from './reserved-concurrency.ts';

/** A unit of work the test finishes by hand. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, work: () => opened };
}

describe('ReservedConcurrency', () => {
  it('refuses a synchronous call while every slot is taken, and accepts again once one frees', async () => {
    const limiter = new ReservedConcurrency(1);
    const first = gate();
    const running = limiter.runIfFree(first.work);
    expect(running).toBeDefined();
    expect(limiter.runIfFree(async () => 'second')).toBeUndefined();
    first.open();
    await running;
    await expect(limiter.runIfFree(async () => 'third')).resolves.toBe('third');
  });

  it('a reservation of 0 refuses every call and never runs Event work', async () => {
    const limiter = new ReservedConcurrency(0);
    let ran = false;
    expect(limiter.runIfFree(async () => (ran = true))).toBeUndefined();
    await expect(limiter.runWhenFree(async () => (ran = true))).resolves.toBe(false);
    expect(ran).toBe(false);
  });

  it('unreserved functions are never refused', async () => {
    const limiter = new ReservedConcurrency(undefined);
    const gates = Array.from({ length: 50 }, gate);
    const running = gates.map((g) => limiter.runIfFree(g.work));
    expect(running.every((promise) => promise !== undefined)).toBe(true);
    for (const g of gates) g.open();
    await Promise.all(running);
  });

  it('Event work waits for a slot, and a synchronous call does not overtake it', async () => {
    const limiter = new ReservedConcurrency(1);
    const first = gate();
    const order: string[] = [];
    const running = limiter.runIfFree(async () => {
      await first.work();
      order.push('sync');
    });
    const queued = limiter.runWhenFree(async () => {
      order.push('event');
    });
    expect(limiter.runIfFree(async () => order.push('overtaker'))).toBeUndefined();
    first.open();
    await running;
    await expect(queued).resolves.toBe(true);
    expect(order).toEqual(['sync', 'event']);
  });

  it('drops Event work beyond the queue bound', async () => {
    const limiter = new ReservedConcurrency(1, 1);
    const first = gate();
    const running = limiter.runIfFree(first.work);
    const queued = limiter.runWhenFree(async () => {});
    await expect(limiter.runWhenFree(async () => {})).resolves.toBe(false);
    first.open();
    await running;
    await expect(queued).resolves.toBe(true);
  });

  it('close drops queued work (it settles as not run) and refuses new work', async () => {
    const limiter = new ReservedConcurrency(1);
    const first = gate();
    const running = limiter.runIfFree(first.work);
    let ran = false;
    const queued = limiter.runWhenFree(async () => {
      ran = true;
    });
    limiter.close();
    await expect(queued).resolves.toBe(false);
    expect(limiter.runIfFree(async () => {})).toBeUndefined();
    await expect(limiter.runWhenFree(async () => {})).resolves.toBe(false);
    first.open();
    await running;
    expect(ran).toBe(false);
  });

  it('a failure of running Event work is passed on, not mistaken for a drop', async () => {
    const limiter = new ReservedConcurrency(1);
    await expect(
      limiter.runWhenFree(async () => {
        throw new Error('bug');
      }),
    ).rejects.toThrow('bug');
  });
});
