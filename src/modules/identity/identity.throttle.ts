/**
 * Sign-in limits that an attacker cannot aim at someone else. Failures are counted per account AND
 * source (address) together: each pair waits longer after each failure, so an attacker guessing from
 * elsewhere is slowed while the rightful user, from their own address, is not. Pressure spread over many
 * sources (against one account) or many accounts (from one source) asks for a challenge instead of
 * locking anybody out: a person at a browser answers it, a script has to solve it per attempt.
 */

/** Failures are counted within this window. */
export const ATTEMPT_WINDOW_MINUTES = 15;
/** From this many failures of one account from one source, each attempt waits (doubling, capped). */
export const PAIR_DELAY_FROM = 5;
export const PAIR_FIRST_DELAY_SECONDS = 15;
export const PAIR_MAX_DELAY_SECONDS = 15 * 60;
/** From this many failures of one account from one source, a challenge is asked. */
export const PAIR_CHALLENGE_FROM = 3;
/** Failures from one source over all accounts (password spraying) that ask for a challenge. */
export const SOURCE_CHALLENGE_FROM = 10;
/** Failures of one account over all sources that ask a challenge of sources it never signed in from. */
export const ACCOUNT_CHALLENGE_FROM = 10;

export interface AttemptCounts {
  /** Failures of this account from this source within the window, and when the last one was. */
  pairFailures: number;
  pairLastFailureAt: Date | null;
  /** Failures from this source, all accounts. */
  sourceFailures: number;
  /** Failures of this account, all sources. */
  accountFailures: number;
  /** The account signed in successfully from this source before (within the remembered history). */
  knownSource: boolean;
}

export interface AttemptDecision {
  /** Seconds to wait before this account may be tried again from this source (0: go ahead). */
  waitSeconds: number;
  /** A solved challenge must come with the attempt. */
  challenge: boolean;
}

/** The delay after `failures` failures of one pair: 0 below the threshold, then 15 s doubling to 15 min. */
export function pairDelaySeconds(failures: number): number {
  if (failures < PAIR_DELAY_FROM) return 0;
  return Math.min(PAIR_MAX_DELAY_SECONDS, PAIR_FIRST_DELAY_SECONDS * 2 ** (failures - PAIR_DELAY_FROM));
}

export function decideAttempt(c: AttemptCounts, now: Date): AttemptDecision {
  const delay = pairDelaySeconds(c.pairFailures);
  const waitUntil = c.pairLastFailureAt ? c.pairLastFailureAt.getTime() + delay * 1000 : 0;
  const waitSeconds = Math.max(0, Math.ceil((waitUntil - now.getTime()) / 1000));
  const challenge =
    c.pairFailures >= PAIR_CHALLENGE_FROM ||
    c.sourceFailures >= SOURCE_CHALLENGE_FROM ||
    (c.accountFailures >= ACCOUNT_CHALLENGE_FROM && !c.knownSource);
  return { waitSeconds, challenge };
}
