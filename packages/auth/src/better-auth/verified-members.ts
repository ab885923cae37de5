import crypto from "node:crypto";
import { membershipChangeCount } from "@real-estate/crm";
import type { AuthSession, MemberRef } from "../provider/auth-session";

/**
 * How long a process may answer a member's request with a session and membership it verified
 * against the database without reading them again (decision 0050). A sign-out, a revoked session,
 * a password reset, a removed member or a changed role made in the same process applies to the
 * next request; one made by another instance of the app applies there within this time. The same
 * bound as verified API keys (decision 0033) and the tenant host cache.
 */
export const VERIFIED_SESSION_TTL_MS = 5_000;

/** Verified members one process remembers at most (the oldest verification is forgotten first). */
const MAX_VERIFIED_MEMBERS = 10_000;

type Verified = { session: AuthSession; membership: MemberRef; verifiedAt: number; membershipChanges: number };

// Keyed by tenant and the sha256 of the request's whole Cookie header (never the cookie itself):
// the same header is what better-auth verified, whichever of its cookie names it read. Only
// sessions that verified and belong to a member of the tenant are kept.
const globalForMembers = globalThis as unknown as { __verifiedMembers?: Map<string, Verified>; __verifiedMemberForgets?: { n: number } };
const verified = (globalForMembers.__verifiedMembers ??= new Map<string, Verified>());
// Counts forgets: a session read before a sign-out or revocation in this process is not remembered after it.
const forgets = (globalForMembers.__verifiedMemberForgets ??= { n: 0 });

/** Forgets every session and membership this process verified (a session ended or changed). */
export function forgetVerifiedMembers(): void {
  forgets.n++;
  verified.clear();
}

/** The cache key of a tenant and the request's cookies, or null when the request carries none. */
export function verifiedMemberKey(tenantId: string, headers: Headers): string | null {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  return `${tenantId}:${crypto.createHash("sha256").update(cookie).digest("base64url")}`;
}

/** The session and membership this process verified for the key at most `maxAgeMs` ago, if any. */
export function recallVerifiedMember(key: string, maxAgeMs: number): { session: AuthSession; membership: MemberRef } | null {
  const hit = verified.get(key);
  if (!hit) return null;
  const now = Date.now();
  const fresh = now - hit.verifiedAt < maxAgeMs && now < hit.session.session.expiresAt.getTime();
  if (fresh && hit.membershipChanges === membershipChangeCount()) return { session: hit.session, membership: hit.membership };
  verified.delete(key);
  return null;
}

/** What `remember` needs to know of the moment the database was asked (taken just before asking). */
export type VerificationStart = { forgets: number; membershipChanges: number };

export function startVerification(): VerificationStart {
  return { forgets: forgets.n, membershipChanges: membershipChangeCount() };
}

/**
 * Remembers a verified member, unless a session ended or a membership changed in this process
 * while it was read (what was read may be what that change just ended).
 */
export function rememberVerifiedMember(key: string, started: VerificationStart, found: { session: AuthSession; membership: MemberRef }): void {
  if (forgets.n !== started.forgets || membershipChangeCount() !== started.membershipChanges) return;
  if (verified.size >= MAX_VERIFIED_MEMBERS) verified.delete(verified.keys().next().value!);
  verified.set(key, { ...found, verifiedAt: Date.now(), membershipChanges: started.membershipChanges });
}
