import { z } from "zod";
import { parseEnvList } from "@real-estate/types/env-list";
import { configuredSecret } from "./secrets/configured-secret";

/** Host patterns (with or without port) the auth endpoints answer on when AUTH_ALLOWED_HOSTS is unset. */
export const DEFAULT_ALLOWED_HOSTS = ["localhost", "localhost:*", "*.localhost", "*.localhost:*", "127.0.0.1:*"];

/** Origins of the studio (operator console) when STUDIO_ORIGINS is unset. */
export const DEFAULT_STUDIO_ORIGINS = ["http://localhost:3002", "http://127.0.0.1:3002"];

// Unset or empty: undefined (the default applies); only commas and spaces: an empty list, not the default.
const list = z
  .string()
  .optional()
  .transform((v) => (v ? parseEnvList(v) : undefined));

const ZAuthEnv = z.object({
  /** Public URL used when a request's host is not an allowed host (e.g. https://crm.example.com). */
  BETTER_AUTH_URL: z.url().optional(),
  AUTH_ALLOWED_HOSTS: list,
  STUDIO_ORIGINS: list,
  NODE_ENV: z.string().optional(),
});

export type AuthEnv = {
  /** BETTER_AUTH_SECRET (see configuredSecret: required in production, generated in development). */
  secret: string;
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
  let secret: string;
  try {
    secret = configuredSecret("BETTER_AUTH_SECRET", env);
  } catch (error) {
    throw new Error(`auth configuration: ${(error as Error).message}`);
  }
  return {
    secret,
    allowedHosts: e.AUTH_ALLOWED_HOSTS ?? DEFAULT_ALLOWED_HOSTS,
    fallbackUrl: e.BETTER_AUTH_URL ?? (e.NODE_ENV !== "production" ? "http://localhost:3001" : undefined),
    studioOrigins: e.STUDIO_ORIGINS ?? DEFAULT_STUDIO_ORIGINS,
  };
}
