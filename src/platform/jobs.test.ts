import { describe, expect, it } from 'vitest';
import type { Db } from './db';
import { startJobs } from './jobs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('background jobs', () => {
  it('runs a job repeatedly, never two at once, and keeps going after a failure', async () => {
    let runs = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const errors: string[] = [];
    const stop = startJobs(
      {} as Db,
      [
        {
          name: 'sweep',
          everyMs: 5,
          run: async () => {
            runs += 1;
            concurrent += 1;
            maxConcurrent = Math.max(maxConcurrent, concurrent);
            await sleep(12);
            concurrent -= 1;
            if (runs === 1) throw new Error('first run fails');
          },
        },
      ],
      { error: (obj) => errors.push(String((obj as { job: string }).job)) },
    );
    await sleep(80);
    await stop();
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(maxConcurrent).toBe(1);
    expect(errors).toEqual(['sweep']);
    const after = runs;
    await sleep(30);
    expect(runs).toBe(after); // stopped
  });
});
