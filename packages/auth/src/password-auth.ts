import { APIError } from "better-auth/api";
import { getAuth } from "./get-auth";

export type PasswordAuthResult =
  | { ok: true; userId: string; headers: Headers }
  | { ok: false; error: "invalid_credentials" | "email_taken" | "weak_password" | "failed"; message: string };

function failure(error: unknown): PasswordAuthResult {
  if (error instanceof APIError) {
    const code = (error.body as { code?: string } | undefined)?.code ?? "";
    if (code.includes("INVALID_EMAIL_OR_PASSWORD")) return { ok: false, error: "invalid_credentials", message: "Wrong email or password." };
    if (code.includes("USER_ALREADY_EXISTS")) return { ok: false, error: "email_taken", message: "An account with this email already exists; sign in instead." };
    if (code.includes("PASSWORD_TOO")) return { ok: false, error: "weak_password", message: "Passwords need at least 8 characters." };
    return { ok: false, error: "failed", message: error.message || "Sign-in failed." };
  }
  return { ok: false, error: "failed", message: "Sign-in failed." };
}

/**
 * Signs in with email and password. Inside a Next.js server action the session cookie is set
 * on the response (nextCookies plugin); elsewhere take it from the returned `headers`.
 */
export async function signInWithPassword(options: { email: string; password: string; headers: Headers }): Promise<PasswordAuthResult> {
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

/** Creates an account and signs it in (same cookie behaviour as signInWithPassword). */
export async function signUpWithPassword(options: {
  name: string;
  email: string;
  password: string;
  headers: Headers;
}): Promise<PasswordAuthResult> {
  try {
    const res = await getAuth().api.signUpEmail({
      body: { name: options.name, email: options.email, password: options.password },
      headers: options.headers,
      returnHeaders: true,
    });
    return { ok: true, userId: res.response.user.id, headers: res.headers };
  } catch (error) {
    return failure(error);
  }
}

/** Ends the session carried by these headers (and clears its cookie in a server action). */
export async function signOut(headers: Headers): Promise<void> {
  await getAuth()
    .api.signOut({ headers })
    .catch(() => undefined);
}
