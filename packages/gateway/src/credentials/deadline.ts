/**
 * `promise`, or a rejection with `no answer within <ms> ms` once `ms` have
 * passed. The promise itself is not cancelled (its result is then ignored):
 * the point is that callers waiting on a source that accepts and never answers
 * get an answer.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
