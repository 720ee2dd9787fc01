import { describe, expect, it } from 'vitest';
import { batcher } from './batching';

/** A run whose batches the test releases by hand, recording what each batch held. */
function manual() {
  const batches: string[][] = [];
  const release: (() => void)[] = [];
  const run = (items: readonly string[]) => {
    batches.push([...items]);
    return new Promise<PromiseSettledResult<string>[]>((resolve) => {
      release.push(() =>
        resolve(
          items.map((i) =>
            i.startsWith('bad')
              ? { status: 'rejected', reason: new Error(i) }
              : { status: 'fulfilled', value: i.toUpperCase() },
          ),
        ),
      );
    });
  };
  return { batches, release, run };
}
const keyOf = (s: string) => s.split(':')[0]!;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('batcher', () => {
  it('runs a lone call at once, and gathers the calls that arrive while it runs into one batch', async () => {
    const m = manual();
    const call = batcher({ run: m.run, key: keyOf, maxInFlight: 1, maxBatch: 10 });
    const first = call('a');
    expect(m.batches).toEqual([['a']]);
    const later = ['b', 'c', 'd'].map(call);
    expect(m.batches).toHaveLength(1);
    m.release.shift()!();
    await expect(first).resolves.toBe('A');
    await tick();
    expect(m.batches[1]).toEqual(['b', 'c', 'd']);
    m.release.shift()!();
    await expect(Promise.all(later)).resolves.toEqual(['B', 'C', 'D']);
  });

  it('never puts two items with one key in a batch, keeps at most maxBatch, and answers each item on its own', async () => {
    const m = manual();
    const call = batcher({ run: m.run, key: keyOf, maxInFlight: 1, maxBatch: 2 });
    const busy = call('x');
    const a1 = call('a:1');
    const a2 = call('a:2');
    const bad = call('bad');
    const c = call('c');
    m.release.shift()!();
    await busy;
    await tick();
    expect(m.batches[1]).toEqual(['a:1', 'bad']);
    m.release.shift()!();
    await expect(a1).resolves.toBe('A:1');
    await expect(bad).rejects.toThrow('bad');
    await tick();
    expect(m.batches[2]).toEqual(['a:2', 'c']);
    m.release.shift()!();
    await expect(Promise.all([a2, c])).resolves.toEqual(['A:2', 'C']);
  });

  it('holds a call back while a running batch has its key, and runs calls with one key in the order they came', async () => {
    const m = manual();
    const call = batcher({ run: m.run, key: keyOf, maxInFlight: 2, maxBatch: 10 });
    const first = call('a:1');
    const second = call('a:2');
    const other = call('b');
    expect(m.batches).toEqual([['a:1'], ['b']]);
    m.release[1]!();
    await expect(other).resolves.toBe('B');
    await tick();
    expect(m.batches).toHaveLength(2); // a:2 still waits for a:1
    m.release[0]!();
    await expect(first).resolves.toBe('A:1');
    await tick();
    expect(m.batches[2]).toEqual(['a:2']);
    m.release[2]!();
    await expect(second).resolves.toBe('A:2');
  });

  it('runs up to maxInFlight batches side by side, and a batch that fails rejects all its items', async () => {
    let running = 0;
    let most = 0;
    const call = batcher<number, number>({
      run: async (items) => {
        running += 1;
        most = Math.max(most, running);
        await tick();
        running -= 1;
        if (items.includes(13)) throw new Error('unlucky');
        return items.map((n) => ({ status: 'fulfilled', value: n * 2 }));
      },
      key: String,
      maxInFlight: 3,
      maxBatch: 4,
    });
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => call(i)));
    expect(most).toBe(3);
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    expect(failed).toContain(13);
    for (const [i, r] of results.entries()) if (r.status === 'fulfilled') expect(r.value).toBe(i * 2);
  });

  it('frees the batch’s place when an item is answered with a promise; its caller waits for that promise', async () => {
    let later!: (v: string) => void;
    const batches: string[][] = [];
    const call = batcher<string, string>({
      key: keyOf,
      maxInFlight: 1,
      maxBatch: 10,
      run: async (items) => {
        batches.push([...items]);
        return items.map((i) =>
          i === 'slow'
            ? { status: 'fulfilled', value: new Promise<string>((r) => (later = r)) }
            : { status: 'fulfilled', value: i.toUpperCase() },
        );
      },
    });
    let slowDone = false;
    const slow = call('slow').then((v) => ((slowDone = true), v));
    await tick();
    // The next call runs at once in a batch of its own although the slow item is not answered yet.
    await expect(call('next')).resolves.toBe('NEXT');
    expect(batches).toEqual([['slow'], ['next']]);
    expect(slowDone).toBe(false);
    later('done apart');
    await expect(slow).resolves.toBe('done apart');
  });
});
