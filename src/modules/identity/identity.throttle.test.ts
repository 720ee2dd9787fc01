import { describe, expect, it } from 'vitest';
import { decideAttempt, pairDelaySeconds, type AttemptCounts } from './identity.throttle';

const now = new Date('2026-12-10T08:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const quiet: AttemptCounts = {
  pairFailures: 0,
  pairLastFailureAt: null,
  sourceFailures: 0,
  accountFailures: 0,
  knownSource: false,
};

describe('sign-in limits', () => {
  it('lets the first failures through, then doubles the wait of one account from one source up to 15 minutes', () => {
    expect([0, 4, 5, 6, 7, 11, 30].map(pairDelaySeconds)).toEqual([0, 0, 15, 30, 60, 900, 900]);
  });

  it('makes a pair wait from its last failure', () => {
    expect(decideAttempt({ ...quiet, pairFailures: 6, pairLastFailureAt: ago(10) }, now).waitSeconds).toBe(20);
    expect(decideAttempt({ ...quiet, pairFailures: 6, pairLastFailureAt: ago(31) }, now).waitSeconds).toBe(0);
  });

  it('does not slow the rightful user from their own address when the account is attacked from elsewhere', () => {
    const attacked = { ...quiet, accountFailures: 500, knownSource: true };
    expect(decideAttempt(attacked, now)).toEqual({ waitSeconds: 0, challenge: false });
    // A new address of the account answers a challenge, but is never locked out.
    expect(decideAttempt({ ...attacked, knownSource: false }, now)).toEqual({ waitSeconds: 0, challenge: true });
  });

  it('asks a challenge after a few failures of a pair, and of a source spraying many accounts', () => {
    expect(decideAttempt({ ...quiet, pairFailures: 2 }, now).challenge).toBe(false);
    expect(decideAttempt({ ...quiet, pairFailures: 3 }, now).challenge).toBe(true);
    expect(decideAttempt({ ...quiet, sourceFailures: 10 }, now).challenge).toBe(true);
  });
});
