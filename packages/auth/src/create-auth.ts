import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import type { Db } from "@real-estate/db";
import { readAuthEnv } from "./auth-env";
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
    emailAndPassword: { enabled: true, minPasswordLength: 8, autoSignIn: true },
    user: {
      additionalFields: {
        platformRole: { type: "string", required: false, input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
    },
    trustedOrigins: (request) => trustedOriginsFor(env, request),
    // disableOriginCheck: false keeps the CSRF origin check on in tests too (better-auth skips it there by default).
    advanced: { cookiePrefix: AUTH_COOKIE_PREFIX, disableOriginCheck: false },
    telemetry: { enabled: false },
    // Must stay last: copies Set-Cookie from auth.api calls into Next.js server actions.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
