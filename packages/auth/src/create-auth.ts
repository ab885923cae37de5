import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import type { Db } from "@real-estate/db";
import { CLIENT_ADDRESS_HEADER } from "@real-estate/http";
import { readAuthEnv } from "./auth-env";
import { afterAuthEndpoint, beforeAuthEndpointFor } from "./hooks/auth-hooks";
import { STAFF_PASSWORD_MAX_LENGTH, STAFF_PASSWORD_MIN_LENGTH } from "./passwords/check-staff-password";
import { endOtherStaffResetLinks, sendStaffPasswordReset, STAFF_RESET_VALID_MINUTES } from "./password-reset/staff-password-reset-mail";
import { AUTH_COOKIE_PREFIX } from "./session-cookie";
import { trustedOriginsFor } from "./trusted-origins";

/**
 * The better-auth instance over a Prisma client: email + password (better-auth's default
 * scrypt hashing, so `hashPassword` from `better-auth/crypto` makes compatible hashes),
 * sessions in the `session` table, `user.platformRole` as a read-only additional field.
 * Multi-host: the base URL follows the request's Host when it matches AUTH_ALLOWED_HOSTS.
 */
export function createAuth(db: Db) {
  const env = readAuthEnv();
  return betterAuth({
    appName: "Real Estate Platform",
    secret: env.secret,
    baseURL: { allowedHosts: env.allowedHosts, fallback: env.fallbackUrl, protocol: "auto" },
    basePath: "/api/auth",
    database: prismaAdapter(db, { provider: "postgresql" }),
    // Staff accounts come only from invitations (createStaffAccount): no public sign-up.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: STAFF_PASSWORD_MIN_LENGTH,
      maxPasswordLength: STAFF_PASSWORD_MAX_LENGTH,
      autoSignIn: true,
      // Reset links go out through the tenant's outbox (requestStaffPasswordReset); a reset ends every session.
      sendResetPassword: sendStaffPasswordReset,
      resetPasswordTokenExpiresIn: STAFF_RESET_VALID_MINUTES * 60,
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: ({ user }) => endOtherStaffResetLinks(db, user.id),
    },
    // Reset tokens are stored as their SHA-256 only ("reset-password:<token>" identifiers): a copy
    // of the verification table opens no account. Other verification values stay as they were.
    verification: { storeIdentifier: { default: "plain", overrides: { "reset-password:": "hashed" } } },
    user: {
      additionalFields: {
        platformRole: { type: "string", required: false, input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
    },
    // Requests from another host's page refused, sign-in limits and the password rule, on every endpoint and every auth.api call.
    hooks: { before: beforeAuthEndpointFor(env), after: afterAuthEndpoint },
    // better-auth's `/update-user` wrote any name and image a signed-in member sent, unchecked (a
    // NUL byte answered 500; a megabyte name or a javascript: image URL was stored). Nothing calls
    // it: an account's name comes from the invitation sign-up form (120 characters at most), what
    // a member shows is their profile (the CRM's /api/profile, validated). Not served (404).
    disabledPaths: ["/update-user"],
    trustedOrigins: (request) => trustedOriginsFor(env, request),
    // disableOriginCheck: false keeps the CSRF origin check on in tests too (better-auth skips it there by default).
    // The client's address as the app server resolved it from the socket (real-estate-serve):
    // better-auth's own rate limits key on it and sessions record it, never X-Forwarded-For.
    advanced: { cookiePrefix: AUTH_COOKIE_PREFIX, disableOriginCheck: false, ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] } },
    // Sign-in is limited by our own throttle (per account and per address, growing locks, shared
    // by every instance). better-auth's in-process default (3 per 10 s per address) would answer
    // first and differently, and would lock out a whole office behind one address.
    rateLimit: { customRules: { "/sign-in/email": false } },
    telemetry: { enabled: false },
    // Must stay last: copies Set-Cookie from auth.api calls into Next.js server actions.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
