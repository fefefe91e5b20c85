import { GatewayError } from '../errors/index.ts';

/** What the limit needs of a backend: its name and `maxConcurrency`. */
export interface ConcurrencyLimited {
  name: string;
  descriptor: { maxConcurrency?: number | undefined };
}

const active = new WeakMap<ConcurrencyLimited, { count: number }>();
const NO_LIMIT = () => {};

/**
 * Takes one of the backend's `maxConcurrency` slots, returning the function
 * that gives it back; backends without the field are not counted. Over the
 * limit it throws 503 `Overloaded` with `Retry-After: 1`, as the process-wide
 * in-flight limit answers — before the body is read, so a shed request buffers
 * nothing (the Node server then reads and drops the unread body, bounded, so
 * the client reads the 503).
 */
export function acquireBackendSlot(backend: ConcurrencyLimited): () => void {
  const limit = backend.descriptor.maxConcurrency;
  if (limit === undefined) return NO_LIMIT;
  let slots = active.get(backend);
  if (!slots) active.set(backend, (slots = { count: 0 }));
  if (slots.count >= limit) {
    throw new GatewayError(503, 'Overloaded', `backend ${backend.name} is handling its limit of ${limit} requests`, {
      headers: { 'retry-after': '1' },
    });
  }
  slots.count++;
  let released = false;
  const held = slots;
  return () => {
    if (released) return;
    released = true;
    held.count--;
  };
}
