/**
 * @real-estate/auth — the one module every app uses for authentication.
 *
 * Apps call only these functions: `getSession(headers)`, `requireMember({ tenantId, role,
 * headers })`, `requireOperator(headers)`, `signInWithPassword`, `signUpWithPassword`,
 * `signOut`, `hasSessionCookie`, and mount `getAuth().handler` under `/api/auth/[...all]`.
 * Users and sessions are platform-wide; what a user may do in a tenant comes from
 * TenantMembership (`@real-estate/crm`), which no provider owns.
 *
 * Provider: self-hosted better-auth (tables `user`, `session`, `account`, `verification` in
 * the Prisma schema). Configuration (see auth-env.ts): BETTER_AUTH_SECRET (required in
 * production; outside production a random one generated in the data folder, see
 * secrets/configured-secret.ts), AUTH_ALLOWED_HOSTS (host patterns, default `*.localhost:*` etc.),
 * BETTER_AUTH_URL (fallback public URL), STUDIO_ORIGINS (default http://localhost:3002).
 * CRM hosts registered as TenantDomain (kind CRM) are trusted origins automatically.
 *
 * Clerk instead (AUTH_PROVIDER=clerk, see clerk/): the `__session` cookie's token verified
 * offline with CLERK_JWT_KEY (`@clerk/backend` verifyToken, authorized parties from
 * CLERK_AUTHORIZED_PARTIES), users kept in `user` by Clerk id, memberships from the token's
 * active organization (Tenant.clerkOrganizationId, roles by CLERK_ROLE_MAP) and from Clerk's
 * webhooks (`handleClerkWebhook`, Svix-signed). Both implement provider/auth-provider.ts;
 * requireMember and requireOperator are the same for either. API keys are ours either way.
 */
export { createAuth, type Auth } from "./create-auth";
export { readAuthEnv, type AuthEnv } from "./auth-env";
export { getAuth } from "./get-auth";
export { getSession, type AuthSession } from "./get-session";
export { requireMember, type MemberAccess, type MemberRef, type NoAccess } from "./require-member";
export { VERIFIED_SESSION_TTL_MS, forgetVerifiedMembers } from "./better-auth/verified-members";
export { requireOperator, OPERATOR_ROLE, type OperatorAccess } from "./require-operator";
export { createStaffAccount, type CreateStaffAccountResult } from "./accounts/create-staff-account";
export { checkStaffPassword, STAFF_PASSWORD_MIN_LENGTH, type PasswordCheck } from "./passwords/check-staff-password";
export { signInWithPassword, signUpWithPassword, signOut, type PasswordAuthResult } from "./password-auth";
export {
  requestOperatorPasswordReset,
  requestStaffPasswordReset,
  resetStaffPassword,
  type StaffPasswordResetResult,
} from "./password-reset/staff-password-reset";
export { settleOperatorResetMail } from "./password-reset/staff-password-reset-mail";
export {
  readForgotPasswordForm,
  resetStaffPasswordFromForm,
  ZForgotPassword,
  ZResetPassword,
  type PasswordResetFormState,
} from "./password-reset/password-reset-forms";
export { hasSessionCookie, AUTH_COOKIE_PREFIX } from "./session-cookie";
export { refuseSignIn, signInThrottleSettings, type SignInThrottleSettings } from "./sign-in-throttle";
export { authProviderName, AUTH_PROVIDERS, type AuthProvider, type AuthProviderName } from "./provider/auth-provider";
export { currentAuthProvider } from "./provider/current-provider";
export { readClerkEnv, DEFAULT_CLERK_ROLE_MAP, type ClerkEnv } from "./clerk/clerk-env";
export { handleClerkWebhook, type ClerkWebhookResult } from "./clerk/handle-clerk-webhook";
