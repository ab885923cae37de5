import crypto from "node:crypto";
import { signInThrottleSettings } from "./sign-in-throttle-settings";

/** One counter the sign-in limits keep, with the number of failures that locks it. */
export type ThrottleKey = { key: string; lockAfter: number };

const digest = (email: string) => crypto.createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");

/**
 * The counters a staff sign-in (CRM or studio, form or API) is checked against: the account
 * (the email, whether or not it exists, so a lock tells nothing about existence) and the
 * client's real address.
 */
export function staffSignInKeys(options: { email: string; address: string }): ThrottleKey[] {
  const s = signInThrottleSettings();
  return [
    { key: `account:${digest(options.email)}`, lockAfter: s.failuresPerAccount },
    { key: `address:${options.address}`, lockAfter: s.failuresPerAddress },
  ];
}

/** The counter of a website visitor account (tenant-owned: the same email on another site is another account). */
export function visitorSignInKeys(options: { tenantId: string; email: string }): ThrottleKey[] {
  return [{ key: `visitor:${options.tenantId}:${digest(options.email)}`, lockAfter: signInThrottleSettings().failuresPerAccount }];
}
