import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { checkStaffPassword } from "../passwords/check-staff-password";
import { checkSignInThrottle } from "../sign-in-throttle/check-sign-in-throttle";
import { recordSignInFailure } from "../sign-in-throttle/record-sign-in-failure";
import { recordSignInSuccess } from "../sign-in-throttle/record-sign-in-success";
import { signInAddress } from "../sign-in-throttle/sign-in-address";
import { staffSignInKeys, type ThrottleKey } from "../sign-in-throttle/sign-in-keys";
import { forgetVerifiedMembers } from "../better-auth/verified-members";
import type { AuthEnv } from "../auth-env";
import { isForeignAuthOrigin } from "../trusted-origins";

const SIGN_IN_PATH = "/sign-in/email";

/**
 * Endpoints that change no session: every other one (sign-out, revoking sessions, a password
 * reset or change, a user update or deletion) makes this process forget the members it verified
 * (decision 0050), before it runs and again after.
 */
const LEAVES_SESSIONS_AS_THEY_ARE = new Set(["/get-session", SIGN_IN_PATH]);

/** The refusal of a locked sign-in: 429 with the wait, the same for every email (known or not). */
export function tooManySignIns(retryAfterSeconds: number): APIError {
  const seconds = String(retryAfterSeconds);
  return new APIError(
    "TOO_MANY_REQUESTS",
    { code: "TOO_MANY_SIGN_IN_ATTEMPTS", message: `Too many sign-in attempts; try again in ${seconds} seconds.` },
    { "retry-after": seconds, "x-retry-after": seconds },
  );
}

function signInKeysOf(ctx: { body?: unknown; headers?: Headers }): ThrottleKey[] | null {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  if (typeof email !== "string" || !email) return null;
  return staffSignInKeys({ email, address: signInAddress(ctx.headers ?? new Headers()) });
}

/**
 * Before every better-auth endpoint, HTTP or `auth.api` call alike (so the CRM's form, the
 * CRM's and the studio's `/api/auth/sign-in/email` share one rule): an HTTP request sent by a
 * page on another host than its own (the studio's origins aside) is refused (403, as
 * better-auth's own origin check answers); a sign-in whose account or address is locked is
 * refused before its password is looked at; a new password (change, reset) must pass the staff
 * password rule.
 */
export const beforeAuthEndpointFor = (env: AuthEnv) =>
  createAuthMiddleware(async (ctx) => {
    if (ctx.request && isForeignAuthOrigin(env, ctx.request)) throw new APIError("FORBIDDEN", { code: "INVALID_ORIGIN", message: "Invalid origin" });
    await beforeEveryEndpoint(ctx);
  });

async function beforeEveryEndpoint(ctx: { path: string; body?: unknown; headers?: Headers }): Promise<void> {
  if (!LEAVES_SESSIONS_AS_THEY_ARE.has(ctx.path)) forgetVerifiedMembers();
  if (ctx.path === SIGN_IN_PATH) {
    const keys = signInKeysOf(ctx);
    if (keys) {
      const check = await checkSignInThrottle({ keys });
      if (!check.ok) throw tooManySignIns(check.retryAfterSeconds);
    }
  }
  const newPassword = (ctx.body as { newPassword?: unknown } | undefined)?.newPassword;
  if (typeof newPassword === "string") {
    const check = checkStaffPassword(newPassword);
    if (!check.ok) throw new APIError("BAD_REQUEST", { code: "PASSWORD_TOO_WEAK", message: check.message });
  }
}

/**
 * After every endpoint: a sign-in's wrong email or password counts a failure on the account and
 * the address, a success clears the account's; an answer to an HTTP request carries no session
 * token (see withoutSessionTokens).
 */
export const afterAuthEndpoint = createAuthMiddleware(async (ctx) => {
  if (!LEAVES_SESSIONS_AS_THEY_ARE.has(ctx.path)) forgetVerifiedMembers();
  if (ctx.path === SIGN_IN_PATH) await countSignIn(ctx);
  const returned = ctx.context.returned;
  if (!ctx.request || !returned || isAPIError(returned)) return;
  const scrubbed = withoutSessionTokens(returned);
  // An array (list-sessions) goes out as JSON all the same.
  if (scrubbed !== returned) return ctx.json(scrubbed as Record<string, unknown>);
});

async function countSignIn(ctx: { body?: unknown; headers?: Headers; context: { returned?: unknown } }): Promise<void> {
  const keys = signInKeysOf(ctx);
  if (!keys) return;
  const returned = ctx.context.returned;
  if (isAPIError(returned)) {
    if (returned.statusCode === 401) await recordSignInFailure({ keys });
  } else if (returned) {
    await recordSignInSuccess({ keys });
  }
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const withoutToken = ({ token: _token, ...rest }: Json): Json => rest;

/**
 * better-auth's JSON without the session token: `/get-session` answers `{ session: { token, … },
 * user }`, `/list-sessions` every session of the account with its token, a sign-in `{ token, user }`.
 * The session cookie is httpOnly so that no script in a page can read the token; these answers
 * handed it to any script that fetched them. The cookie alone carries it now. Only answers to HTTP
 * requests are changed: server code calling `auth.api` gets better-auth's objects as they are.
 * Returns the value itself when it holds no token.
 */
export function withoutSessionTokens(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => (isObject(item) && "token" in item ? withoutToken(item) : item));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (!isObject(value)) return value;
  let result = value;
  if ("token" in result) result = withoutToken(result);
  if (isObject(result.session) && "token" in result.session) result = { ...result, session: withoutToken(result.session) };
  return result;
}
