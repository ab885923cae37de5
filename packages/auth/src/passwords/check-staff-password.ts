import { dictionary } from "@zxcvbn-ts/language-common";

/** Staff (CRM and studio) passwords: at least this many characters. */
export const STAFF_PASSWORD_MIN_LENGTH = 12;
/** Longest accepted password (scrypt input is bounded; better-auth's own limit is 128). */
export const STAFF_PASSWORD_MAX_LENGTH = 128;

// The common-password list of zxcvbn-ts (`@zxcvbn-ts/language-common`, pinned exactly in
// package.json): ~49,000 passwords most often seen in breaches, maintained with zxcvbn-ts.
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  return (common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase())));
}

export type PasswordCheck = { ok: true } | { ok: false; message: string };

/**
 * The staff password rule: 12 to 128 characters, not on the common-password list (compared
 * without case), and not the account's own email.
 */
export function checkStaffPassword(password: string, options: { email?: string } = {}): PasswordCheck {
  if (password.length < STAFF_PASSWORD_MIN_LENGTH) return { ok: false, message: `Passwords need at least ${STAFF_PASSWORD_MIN_LENGTH} characters.` };
  if (password.length > STAFF_PASSWORD_MAX_LENGTH) return { ok: false, message: `Passwords can have at most ${STAFF_PASSWORD_MAX_LENGTH} characters.` };
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return { ok: false, message: "This password is on a list of common passwords; choose another." };
  if (options.email && lower === options.email.trim().toLowerCase()) return { ok: false, message: "Your password cannot be your email address." };
  return { ok: true };
}
