/** Closed-loop load for benchmarks: `clients` workers repeat an operation for a while; latencies in ms. */
export interface LoadResult {
  /** Sorted latencies of the operations that succeeded. */
  latencies: number[];
  errors: number;
  seconds: number;
  /** Operations per second. */
  rate: number;
}

export const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * Runs `op(worker, i)` in `clients` concurrent loops for `seconds`. An operation that throws counts as an
 * error; `onError` may repair the worker's state before its next operation.
 */
export async function closedLoop(
  clients: number,
  seconds: number,
  op: (worker: number, i: number) => Promise<void>,
  onError?: (worker: number, err: unknown) => Promise<void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, w) => {
      for (let i = 0; performance.now() < until; i++) {
        const t = performance.now();
        try {
          await op(w, i);
          latencies.push(performance.now() - t);
        } catch (err) {
          errors += 1;
          if (errors > 1000) throw err;
          await onError?.(w, err);
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { latencies, errors, seconds: elapsed, rate: latencies.length / elapsed };
}

/** "p50 1.2 ms, p95 …, p99 …" */
export const latencyText = (r: LoadResult, ps: readonly number[] = [50, 95, 99]) =>
  ps.map((p) => `p${p} ${percentile(r.latencies, p).toFixed(1)} ms`).join(', ');
