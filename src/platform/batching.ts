/**
 * Gathering concurrent calls into batches (one database statement for several callers' writes).
 *
 * A call runs at once while fewer than `maxInFlight` batches are running, so a lone caller waits for
 * nothing; under load, calls that arrive while the batches are busy wait together and go as the next batch
 * (at most `maxBatch` of them, never two with the same `key`, and none whose key a running batch holds: a
 * later one waits, so calls with one key run one after another in the order they came, and two batches
 * never wait on each other's locks). `run` answers every item of a batch in order, each a value or an
 * error of its own. A value may be a promise: its caller then waits for that, while the batch's place and
 * keys are already free for the next (an item that must be done apart, later, does not hold up the rest).
 */
export interface BatchOptions<I, O> {
  run: (items: readonly I[]) => Promise<PromiseSettledResult<O | PromiseLike<O>>[]>;
  key: (item: I) => string;
  maxInFlight: number;
  maxBatch: number;
}

interface Waiting<I, O> {
  item: I;
  resolve: (value: O | PromiseLike<O>) => void;
  reject: (reason: unknown) => void;
}

export function batcher<I, O>(opts: BatchOptions<I, O>): (item: I) => Promise<O> {
  const queue: Waiting<I, O>[] = [];
  const held = new Set<string>(); // keys of the running batches
  let running = 0;

  const take = (): Waiting<I, O>[] => {
    const batch: Waiting<I, O>[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < queue.length && batch.length < opts.maxBatch;) {
      const k = opts.key(queue[i]!.item);
      if (seen.has(k) || held.has(k)) {
        seen.add(k); // an earlier call with this key waits: so do the later ones
        i += 1;
      } else {
        seen.add(k);
        batch.push(...queue.splice(i, 1));
      }
    }
    return batch;
  };

  const pump = () => {
    while (running < opts.maxInFlight && queue.length) {
      const batch = take();
      if (!batch.length) return; // everything waiting is held by a running batch
      const keys = batch.map((w) => opts.key(w.item));
      for (const k of keys) held.add(k);
      running += 1;
      opts
        .run(batch.map((w) => w.item))
        .then(
          (results) =>
            batch.forEach((w, i) => {
              const r = results[i];
              if (r?.status === 'fulfilled') w.resolve(r.value);
              else w.reject(r ? r.reason : new Error('batch answered fewer items than it was given'));
            }),
          (err: unknown) => batch.forEach((w) => w.reject(err)),
        )
        .finally(() => {
          for (const k of keys) held.delete(k);
          running -= 1;
          pump();
        });
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      pump();
    });
}
