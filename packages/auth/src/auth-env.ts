import { z } from "zod";

/**
 * The secret used when BETTER_AUTH_SECRET is unset. It signs session cookies, so it is only
 * accepted outside production, or when AUTH_DEMO_MODE=1 says "this is the demo install"
 * (`npm start` on the demo seed). Never use it for real data.
 */
export const DEV_AUTH_SECRET = "dev-only-insecure-secret-for-the-demo-install-0001";

/** Host patterns (with or without port) the auth endpoints answer on when AUTH_ALLOWED_HOSTS is unset. */
export const DEFAULT_ALLOWED_HOSTS = ["localhost", "localhost:*", "*.localhost", "*.localhost:*", "127.0.0.1:*"];

/** Origins of the studio (operator console) when STUDIO_ORIGINS is unset. */
export const DEFAULT_STUDIO_ORIGINS = ["http://localhost:3002", "http://127.0.0.1:3002"];

const list = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined));

const ZAuthEnv = z.object({
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
  /** Public URL used when a request's host is not an allowed host (e.g. https://crm.example.com). */
  BETTER_AUTH_URL: z.url().optional(),
  AUTH_ALLOWED_HOSTS: list,
  STUDIO_ORIGINS: list,
  AUTH_DEMO_MODE: z.enum(["0", "1"]).optional(),
  NODE_ENV: z.string().optional(),
});

export type AuthEnv = {
  secret: string;
  /** true when the documented development secret is in use. */
  usingDevSecret: boolean;
  allowedHosts: string[];
  fallbackUrl: string | undefined;
  studioOrigins: string[];
};

/** Reads and validates the auth settings from the environment; throws one readable line. */
export function readAuthEnv(env: NodeJS.ProcessEnv = process.env): AuthEnv {
  const parsed = ZAuthEnv.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`auth configuration: ${first?.path.join(".")}: ${first?.message}`);
  }
  const e = parsed.data;
  const devAllowed = e.NODE_ENV !== "production" || e.AUTH_DEMO_MODE === "1";
  if (!e.BETTER_AUTH_SECRET && !devAllowed) {
    throw new Error("auth configuration: BETTER_AUTH_SECRET is required in production (or set AUTH_DEMO_MODE=1 for the demo install)");
  }
  return {
    secret: e.BETTER_AUTH_SECRET ?? DEV_AUTH_SECRET,
    usingDevSecret: !e.BETTER_AUTH_SECRET,
    allowedHosts: e.AUTH_ALLOWED_HOSTS ?? DEFAULT_ALLOWED_HOSTS,
    fallbackUrl: e.BETTER_AUTH_URL ?? (devAllowed ? "http://localhost:3001" : undefined),
    studioOrigins: e.STUDIO_ORIGINS ?? DEFAULT_STUDIO_ORIGINS,
  };
}
