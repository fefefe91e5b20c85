import { getEventListeners } from 'node:events';
import type { AbortControllerSource } from '../../invoke/index.ts';

/**
 * Reuses the AbortControllers of invocations that ended without an abort.
 *
 * Why: on Node 20 an AbortSignal is a transferable, native-backed object; one
 * per request, created and then collected, measured at roughly 15 µs of CPU
 * per request under load (about a tenth of the gateway's whole cost). A
 * controller is taken back only when it is safe to hand to another request:
 * never aborted, and no `abort` listener left on its signal (the undici
 * transport removes its own; a transport that leaves one behind, such as the
 * global `fetch`, simply gets fresh controllers). The pool is capped; beyond
 * the cap controllers are left to the garbage collector as before.
 */
export function createAbortControllerPool(max = 1024): AbortControllerSource {
  const free: AbortController[] = [];
  return {
    acquire: () => free.pop() ?? new AbortController(),
    release(controller) {
      if (free.length >= max || controller.signal.aborted) return;
      if (getEventListeners(controller.signal, 'abort').length > 0) return;
      free.push(controller);
    },
  };
}
