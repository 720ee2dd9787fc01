import type { Db } from './db';
import type { Job } from './module';

// wall clock: the default clock that dates each run's `now` (tests pass their own)
const wallClock = () => new Date();

const FIRST_RUN_MS = 5000;

export interface JobLog {
  error(obj: object, msg: string): void;
}

/**
 * Runs each job every `everyMs`, never overlapping itself; a failure is logged and the job runs again
 * at its next turn. Returns a function that stops the timers and waits for running jobs to finish.
 */
export function startJobs(
  db: Db,
  jobs: readonly Job[],
  log: JobLog,
  clock: () => Date = wallClock,
): () => Promise<void> {
  const running = new Set<Promise<unknown>>();
  const busy = new Set<string>();
  const tick = (job: Job) => {
    if (busy.has(job.name)) return;
    busy.add(job.name);
    const p = job
      .run(db, { now: clock() })
      .catch((err: unknown) => log.error({ err, job: job.name }, 'background job failed'))
      .finally(() => {
        busy.delete(job.name);
        running.delete(p);
      });
    running.add(p);
  };
  // A first run soon after start (so a restarted node catches up), then every `everyMs`.
  const timers = jobs.flatMap((job) => [
    setTimeout(() => tick(job), Math.min(job.everyMs, FIRST_RUN_MS)),
    setInterval(() => tick(job), job.everyMs),
  ]);
  return async () => {
    for (const t of timers) clearTimeout(t);
    await Promise.allSettled([...running]);
  };
}
