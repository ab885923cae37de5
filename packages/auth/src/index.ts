/**
 * @real-estate/auth — the one module every app uses for authentication.
 *
 * Apps call only these functions: `getSession(headers)`, `requireMember({ tenantId, role,
 * headers })`, `requireOperator(headers)`, `signInWithPassword`, `signUpWithPassword`,
 * `signOut`, `hasSessionCookie`, and mount `getAuth().handler` under `/api/auth/[...all]`.
 * Users and sessions are platform-wide; what a user may do in a tenant comes from
 * TenantMembership (`@real-estate/db/memberships`), which no provider owns.
 *
 * Provider: self-hosted better-auth (tables `user`, `session`, `account`, `verification` in
 * the Prisma schema). Configuration (see auth-env.ts): BETTER_AUTH_SECRET (required in
 * production; a documented development secret is used when NODE_ENV !== "production" or
 * AUTH_DEMO_MODE=1), AUTH_ALLOWED_HOSTS (host patterns, default `*.localhost:*` etc.),
 * BETTER_AUTH_URL (fallback public URL), STUDIO_ORIGINS (default http://localhost:3002).
 * CRM hosts registered as TenantDomain (kind CRM) are trusted origins automatically.
 *
 * Adding Clerk behind the same module (configuration, not a rewrite):
 * 1. Add `AUTH_PROVIDER=better-auth|clerk` to auth-env.ts, and a `providers/clerk.ts` whose
 *    `getSession(headers)` verifies the `__session` cookie or Bearer token with
 *    `@clerk/backend` `verifyToken(token, { jwtKey: CLERK_JWT_KEY })` (works offline) and maps
 *    the claims to `AuthSession` (`platformRole` from Clerk public metadata).
 * 2. Map Clerk user ids to rows in `user` (upsert on first sight, keyed by the Clerk id) so
 *    TenantMembership, activities' `actorUserId` and API keys keep working unchanged.
 * 3. `getSession` here dispatches on AUTH_PROVIDER; requireMember/requireOperator need no
 *    change. The sign-in screens swap to Clerk's hosted pages, and `clerkMiddleware` (given
 *    `jwtKey` explicitly) replaces `hasSessionCookie` in proxy.ts.
 */
export { createAuth, type Auth } from "./create-auth";
export { DEV_AUTH_SECRET, readAuthEnv, type AuthEnv } from "./auth-env";
export { getAuth } from "./get-auth";
export { getSession, type AuthSession } from "./get-session";
export { requireMember, type MemberAccess, type MemberRef, type NoAccess } from "./require-member";
export { requireOperator, OPERATOR_ROLE, type OperatorAccess } from "./require-operator";
export { signInWithPassword, signUpWithPassword, signOut, type PasswordAuthResult } from "./password-auth";
export { hasSessionCookie, AUTH_COOKIE_PREFIX } from "./session-cookie";
