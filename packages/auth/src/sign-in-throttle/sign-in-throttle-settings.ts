/** How sign-in failures are slowed; every value can be set in the environment. */
export type SignInThrottleSettings = {
  /** Failures that lock an account (SIGN_IN_FAILURES_PER_ACCOUNT, default 5). */
  failuresPerAccount: number;
  /** Failures that lock a client address: an office shares one (SIGN_IN_FAILURES_PER_ADDRESS, default 20). */
  failuresPerAddress: number;
  /** The first lock; each further failure doubles it (SIGN_IN_LOCK_SECONDS, default 15). */
  lockSeconds: number;
  /** The longest lock (SIGN_IN_MAX_LOCK_SECONDS, default 900 = 15 minutes). */
  maxLockSeconds: number;
  /** Failures are forgotten after this long without one; never shorter than the longest lock (SIGN_IN_QUIET_SECONDS, default 1800). */
  quietSeconds: number;
};

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (got "${raw}")`);
  return n;
}

/** The settings from the environment (read on each call: cheap, and tests change them). */
export function signInThrottleSettings(env: NodeJS.ProcessEnv = process.env): SignInThrottleSettings {
  const maxLockSeconds = positive(env, "SIGN_IN_MAX_LOCK_SECONDS", 900);
  return {
    failuresPerAccount: Math.ceil(positive(env, "SIGN_IN_FAILURES_PER_ACCOUNT", 5)),
    failuresPerAddress: Math.ceil(positive(env, "SIGN_IN_FAILURES_PER_ADDRESS", 20)),
    lockSeconds: positive(env, "SIGN_IN_LOCK_SECONDS", 15),
    maxLockSeconds,
    quietSeconds: Math.max(maxLockSeconds, positive(env, "SIGN_IN_QUIET_SECONDS", 1800)),
  };
}
