import { APIError } from "better-auth/api";
import { getAuth } from "../get-auth";
import { checkStaffPassword } from "../passwords/check-staff-password";
import { authProviderName } from "../provider/auth-provider";
import { clientAddress } from "@real-estate/http";
import { RateLimiter } from "../rate-limit";
import { withResetRequest } from "./staff-password-reset-mail";

export type StaffPasswordResetResult =
  | { ok: true }
  | { ok: false; error: "invalid_token" | "weak_password" | "unsupported"; message: string }
  | { ok: false; error: "rate_limited"; message: string; retryAfterSeconds: number };

const CLERK_RESETS: StaffPasswordResetResult = { ok: false, error: "unsupported", message: "This install signs in through Clerk: reset your password there." };

/**
 * "Forgot your password" on a tenant's CRM: when the address belongs to a member of the tenant,
 * a one-use link (60 minutes) is written to the tenant's outbox. Answers the same whether or not
 * such an account exists.
 */
export async function requestStaffPasswordReset(options: {
  tenantId: string;
  email: string;
  /**
   * The tenant's CRM host the request came in on: the link opens on it when it is one of the
   * tenant's CRM domains (else on the primary one), with the platform's scheme and CRM port,
   * never the request's.
   */
  crmHost?: string | null;
  headers: Headers;
}): Promise<StaffPasswordResetResult> {
  if (authProviderName() === "clerk") return CLERK_RESETS;
  await withResetRequest({ tenantId: options.tenantId, crmHost: options.crmHost }, () =>
    getAuth().api.requestPasswordReset({ body: { email: options.email.trim().toLowerCase() }, headers: options.headers }),
  );
  return { ok: true };
}

/** Studio reset requests per client address and ten minutes (the studio has few operators). */
const OPERATOR_RESETS_PER_ADDRESS = 5;
const operatorResetLimiter = new RateLimiter(() => OPERATOR_RESETS_PER_ADDRESS, 10 * 60_000);

/**
 * "Forgot your password" on the studio: when the address is a platform operator's, a one-use
 * link (60 minutes) to `studioUrl`/reset-password is stored in the platform outbox and sent
 * (decision 0035). Answers the same whether or not such an account exists; at most five
 * requests per client address and ten minutes, and one e-mail per account and two minutes.
 */
export async function requestOperatorPasswordReset(options: { email: string; studioUrl: string; headers: Headers }): Promise<StaffPasswordResetResult> {
  if (authProviderName() === "clerk") return CLERK_RESETS;
  const limit = operatorResetLimiter.hit(`operator-reset:${clientAddress(options.headers)}`);
  if (!limit.ok) {
    return { ok: false, error: "rate_limited", message: "Too many requests from here; try again later.", retryAfterSeconds: limit.retryAfterSeconds };
  }
  await withResetRequest({ studioUrl: options.studioUrl }, () =>
    getAuth().api.requestPasswordReset({ body: { email: options.email.trim().toLowerCase() }, headers: options.headers }),
  );
  return { ok: true };
}

/** Sets a new password with a reset token (once); every session of the account ends. */
export async function resetStaffPassword(options: { token: string; newPassword: string; headers: Headers }): Promise<StaffPasswordResetResult> {
  if (authProviderName() === "clerk") return CLERK_RESETS;
  const check = checkStaffPassword(options.newPassword);
  if (!check.ok) return { ok: false, error: "weak_password", message: check.message };
  try {
    await getAuth().api.resetPassword({ body: { token: options.token, newPassword: options.newPassword }, headers: options.headers });
    return { ok: true };
  } catch (error) {
    if (error instanceof APIError) return { ok: false, error: "invalid_token", message: "This link is not valid any more. Ask for a new one." };
    throw error;
  }
}
