import { z } from "zod";
import { configuredSecret } from "@real-estate/auth/secrets";
import { zMapStyleUrl } from "@real-estate/types";

const ZWebEnv = z.object({
  /** Scheme of canonical URLs, sitemap and robots.txt (default http). */
  PUBLIC_URL_SCHEME: z.enum(["http", "https"]).default("http"),
  /** Port added to canonical URLs of `*.localhost` hosts in local development (default 3000). */
  WEB_PUBLIC_PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Form posts (lead, valuation, sign-up, sign-in) per minute per client IP and tenant (default 20). */
  WEB_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Redis that every website instance counts form rate limits in (production profile); unset: they count in PostgreSQL (table rate_limit_count). */
  REDIS_URL: z.url().optional(),
  /** Largest accepted POST body in bytes (default 32 KiB). */
  WEB_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(32 * 1024),
  /** A form submitted faster than this after the page was rendered is treated as a bot (default 2500 ms). */
  WEB_FORM_MIN_FILL_MS: z.coerce.number().int().min(0).default(2_500),
  /** Walk Score API base URL (tests point it at a local fake). */
  WALKSCORE_BASE_URL: z.url().default("https://api.walkscore.com"),
  /** Google Places API (New) base URL (tests point it at a local fake). */
  GOOGLE_PLACES_BASE_URL: z.url().default("https://places.googleapis.com"),
  /** Milliseconds a provider HTTP call may take before the module falls back (default 2500). */
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).default(2_500),
  /** MapLibre style URL of every website's maps unless the tenant has its own (https; http on loopback outside production); unset: the plain local style. */
  MAP_STYLE_URL: zMapStyleUrl({ allowLoopbackHttp: process.env.NODE_ENV !== "production" })
    .optional()
    .transform((v) => v ?? undefined),
});
export type WebEnv = z.infer<typeof ZWebEnv> & {
  /** Shared secret of the web app's POST /api/internal/revalidate (header x-internal-token): configured, or generated outside production (see configuredSecret). */
  INTERNAL_API_TOKEN: string;
};

let cached: WebEnv | undefined;

/** The web app's environment, validated once; a bad value stops the app with a readable message. */
export function webEnv(): WebEnv {
  if (cached) return cached;
  const parsed = ZWebEnv.safeParse(process.env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`apps/web: invalid environment (${detail})`);
  }
  let token: string;
  try {
    token = configuredSecret("INTERNAL_API_TOKEN");
  } catch (error) {
    throw new Error(`apps/web: ${(error as Error).message}`);
  }
  cached = { ...parsed.data, INTERNAL_API_TOKEN: token };
  return cached;
}

/** For tests that change the environment between cases. */
export function resetWebEnvForTests(): void {
  cached = undefined;
}
