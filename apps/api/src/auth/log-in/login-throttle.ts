import { Inject, Injectable, Logger } from '@nestjs/common';
import { tooManyRequests } from '@casework/kernel';
import { CLOCK, Clock } from '@casework/platform';

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Failed sign-ins for one username (any case) within the window before it is locked. */
export const MAX_FAILURES_PER_USERNAME = 5;
/** Failed sign-ins from one client address within the window, across usernames (spraying). */
export const MAX_FAILURES_PER_CLIENT = 50;
// Past this many tracked keys, entries whose failures have all expired are dropped.
const SWEEP_ABOVE = 10_000;

/** One sign-in in progress: counted as a failure unless it succeeds or is cancelled. */
export interface LoginAttempt {
  succeeded(): void;
  cancelled(): void;
}

/**
 * Counts failed sign-ins per username and per client address over a sliding window. The count
 * lives in this process's memory: with several API processes each keeps its own (limits multiply
 * by the number of processes) and a restart forgets them. The attempt is counted before the
 * password is checked, so parallel guesses cannot slip past the limit while scrypt runs.
 */
@Injectable()
export class LoginThrottle {
  private readonly log = new Logger('Auth');
  private readonly byUsername = new Map<string, number[]>();
  private readonly byClient = new Map<string, number[]>();

  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  /** Refuses with 429 TOO_MANY_LOGIN_ATTEMPTS while either limit is reached, else starts counting this attempt. */
  begin(username: string, clientIp: string): LoginAttempt {
    const now = this.clock.now().getTime();
    const user = username.toLowerCase();
    const userFailures = this.recent(this.byUsername, user, now);
    const clientFailures = this.recent(this.byClient, clientIp, now);
    const retryAt = Math.max(
      unlockAt(userFailures, MAX_FAILURES_PER_USERNAME),
      unlockAt(clientFailures, MAX_FAILURES_PER_CLIENT),
    );
    if (retryAt > now) {
      const minutes = Math.ceil((retryAt - now) / 60_000);
      this.log.warn(
        `Refused sign-in for username ${JSON.stringify(username)} from ${clientIp}: too many failed attempts`,
      );
      throw tooManyRequests(
        'TOO_MANY_LOGIN_ATTEMPTS',
        `Too many failed sign-ins. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again, or ask an administrator to check the account.`,
        Math.ceil((retryAt - now) / 1000),
      );
    }
    userFailures.push(now);
    clientFailures.push(now);
    this.sweep(now);
    let open = true;
    // Only the client's count is given back on success; the username's is reset altogether.
    const forget = () => {
      if (!open) return;
      open = false;
      remove(clientFailures, now);
    };
    return {
      succeeded: () => {
        forget();
        userFailures.length = 0;
      },
      cancelled: () => {
        if (open) remove(userFailures, now);
        forget();
      },
    };
  }

  /** The failures still inside the window for a key; changed in place so attempts in flight share it. */
  private recent(map: Map<string, number[]>, key: string, now: number): number[] {
    let times = map.get(key);
    if (!times) map.set(key, (times = []));
    const kept = times.filter((t) => t > now - LOGIN_WINDOW_MS);
    times.splice(0, times.length, ...kept);
    return times;
  }

  private sweep(now: number): void {
    for (const map of [this.byUsername, this.byClient]) {
      if (map.size <= SWEEP_ABOVE) continue;
      for (const [key, times] of map) if (!times.some((t) => t > now - LOGIN_WINDOW_MS)) map.delete(key);
    }
  }
}

/** When the failures drop below the limit again (0 when they already are). */
function unlockAt(failures: number[], limit: number): number {
  const oldestCounted = failures[failures.length - limit];
  return failures.length < limit || oldestCounted === undefined ? 0 : oldestCounted + LOGIN_WINDOW_MS;
}

function remove(times: number[], t: number): void {
  const i = times.lastIndexOf(t);
  if (i >= 0) times.splice(i, 1);
}
