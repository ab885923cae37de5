import { APIError } from "better-auth/api";
import { forgetVerifiedMembers } from "./better-auth/verified-members";
import { createStaffAccount } from "./accounts/create-staff-account";
import { getAuth } from "./get-auth";
import { authProviderName } from "./provider/auth-provider";
import { STAFF_PASSWORD_MIN_LENGTH } from "./passwords/check-staff-password";

export type PasswordAuthResult =
  | { ok: true; userId: string; headers: Headers }
  | { ok: false; error: "invalid_credentials" | "email_taken" | "weak_password" | "failed"; message: string }
  | { ok: false; error: "too_many_attempts"; message: string; retryAfterSeconds: number };

/** With AUTH_PROVIDER=clerk, passwords (and invitations) are Clerk's: ours are not checked at all. */
const CLERK_SIGNS_IN: PasswordAuthResult = { ok: false, error: "failed", message: "This install signs in through Clerk." };

function failure(error: unknown): PasswordAuthResult {
  if (error instanceof APIError) {
    const code = (error.body as { code?: string } | undefined)?.code ?? "";
    if (code === "TOO_MANY_SIGN_IN_ATTEMPTS") {
      const retryAfterSeconds = Number((error.headers as Record<string, string> | undefined)?.["retry-after"]) || 1;
      return { ok: false, error: "too_many_attempts", message: error.message, retryAfterSeconds };
    }
    if (code.includes("INVALID_EMAIL_OR_PASSWORD")) return { ok: false, error: "invalid_credentials", message: "Wrong email or password." };
    if (code.includes("USER_ALREADY_EXISTS"))
      return { ok: false, error: "email_taken", message: "An account with this email already exists; sign in instead." };
    if (code.includes("PASSWORD_TOO"))
      return { ok: false, error: "weak_password", message: error.message || `Passwords need at least ${STAFF_PASSWORD_MIN_LENGTH} characters.` };
    return { ok: false, error: "failed", message: error.message || "Sign-in failed." };
  }
  return { ok: false, error: "failed", message: "Sign-in failed." };
}

/**
 * Signs in with email and password. Inside a Next.js server action the session cookie is set
 * on the response (nextCookies plugin); elsewhere take it from the returned `headers`.
 */
export async function signInWithPassword(options: { email: string; password: string; headers: Headers }): Promise<PasswordAuthResult> {
  if (authProviderName() === "clerk") return CLERK_SIGNS_IN;
  try {
    const res = await getAuth().api.signInEmail({
      body: { email: options.email, password: options.password },
      headers: options.headers,
      returnHeaders: true,
    });
    return { ok: true, userId: res.response.user.id, headers: res.headers };
  } catch (error) {
    return failure(error);
  }
}

/**
 * Creates a staff account and signs it in (same cookie behaviour as signInWithPassword). For
 * invitation acceptance and tests: the public sign-up endpoint is disabled (see createStaffAccount).
 */
export async function signUpWithPassword(options: { name: string; email: string; password: string; headers: Headers }): Promise<PasswordAuthResult> {
  if (authProviderName() === "clerk") return CLERK_SIGNS_IN;
  const created = await createStaffAccount({ name: options.name, email: options.email, password: options.password });
  if (!created.ok) return created;
  return signInWithPassword({ email: options.email, password: options.password, headers: options.headers });
}

/** Ends the session carried by these headers (and clears its cookie in a server action). */
export async function signOut(headers: Headers): Promise<void> {
  await getAuth()
    .api.signOut({ headers })
    .catch(() => undefined);
  // The endpoint's hooks forgot the process's verified members already; a failed call too.
  forgetVerifiedMembers();
}
