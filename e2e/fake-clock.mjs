/**
 * Preload for journeys in which days pass (`node --import ./e2e/fake-clock.mjs`): the process sees a
 * wall clock `E2E_CLOCK_SHIFT_DAYS` days ahead — `Date.now()`, `new Date()` and `Date()` — while
 * timers and `performance.now()` run normally. The database's own now() is not shifted.
 */
const days = Number(process.env.E2E_CLOCK_SHIFT_DAYS ?? 0);
if (!Number.isFinite(days))
  throw new Error(`E2E_CLOCK_SHIFT_DAYS is not a number: ${process.env.E2E_CLOCK_SHIFT_DAYS}`);
const shiftMs = days * 86_400_000;

if (shiftMs) {
  const RealDate = Date;
  const now = () => RealDate.now() + shiftMs;
  globalThis.Date = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return args.length ? Reflect.construct(target, args, newTarget) : Reflect.construct(target, [now()], newTarget);
    },
    apply() {
      return new RealDate(now()).toString();
    },
    get(target, prop, receiver) {
      return prop === 'now' ? now : Reflect.get(target, prop, receiver);
    },
  });
}
