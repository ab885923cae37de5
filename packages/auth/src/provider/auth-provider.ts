import { z } from "zod";
import type { AuthSession, MemberRef } from "./auth-session";

export const AUTH_PROVIDERS = ["better-auth", "clerk"] as const;
export type AuthProviderName = (typeof AUTH_PROVIDERS)[number];

/**
 * What an app may ask an auth provider, and nothing else: who is signed in, and what they are
 * in a tenant. better-auth and Clerk each implement it; AUTH_PROVIDER chooses one.
 */
export type AuthProvider = {
  name: AuthProviderName;
  /** The signed-in user carried by these request headers, or null when signed out, expired or not verifiable. */
  getSession(headers: Headers): Promise<AuthSession | null>;
  /**
   * The signed-in user and their membership of this tenant (null when they have none), or null
   * when nobody is signed in. With `maxAgeMs`, a member the provider verified for the same
   * request cookies at most that long ago may be answered without asking again (better-auth;
   * decision 0050); without it the session and membership are always read.
   */
  getMember(options: { tenantId: string; headers: Headers; maxAgeMs?: number }): Promise<{ session: AuthSession; membership: MemberRef | null } | null>;
};

const ZAuthProvider = z.enum(AUTH_PROVIDERS).default("better-auth");

/** AUTH_PROVIDER (`better-auth`, the default, or `clerk`); throws one readable line for anything else. */
export function authProviderName(env: NodeJS.ProcessEnv = process.env): AuthProviderName {
  const parsed = ZAuthProvider.safeParse(env.AUTH_PROVIDER?.trim() || undefined);
  if (!parsed.success) throw new Error(`auth configuration: AUTH_PROVIDER must be one of ${AUTH_PROVIDERS.join(", ")} (got "${env.AUTH_PROVIDER}")`);
  return parsed.data;
}
