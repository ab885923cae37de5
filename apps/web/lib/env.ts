import { z } from "zod";

/** Fixed development value of INTERNAL_API_TOKEN; set your own in production. */
export const DEV_INTERNAL_API_TOKEN = "dev-internal-token-change-me";

const ZWebEnv = z.object({
  /** Scheme of canonical URLs, sitemap and robots.txt (default http). */
  PUBLIC_URL_SCHEME: z.enum(["http", "https"]).default("http"),
  /** Port added to canonical URLs of `*.localhost` hosts in local development (default 3000). */
  WEB_PUBLIC_PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Shared secret of POST /api/internal/revalidate (header x-internal-token). */
  INTERNAL_API_TOKEN: z.string().min(8).default(DEV_INTERNAL_API_TOKEN),
  /** Form posts (lead, valuation, sign-up, sign-in) per minute per client IP and tenant (default 20). */
  WEB_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Largest accepted POST body in bytes (default 32 KiB). */
  WEB_MAX_BODY_BYTES: z.coerce.number().int().min(1_024).default(32 * 1024),
  /** A form submitted faster than this after the page was rendered is treated as a bot (default 2500 ms). */
  WEB_FORM_MIN_FILL_MS: z.coerce.number().int().min(0).default(2_500),
  /** "1" when a trusted reverse proxy sets X-Forwarded-For: the left-most address is the client. */
  WEB_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** Walk Score API base URL (tests point it at a local fake). */
  WALKSCORE_BASE_URL: z.url().default("https://api.walkscore.com"),
  /** Google Places API (New) base URL (tests point it at a local fake). */
  GOOGLE_PLACES_BASE_URL: z.url().default("https://places.googleapis.com"),
  /** Milliseconds a provider HTTP call may take before the module falls back (default 2500). */
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).default(2_500),
});
export type TWebEnv = z.infer<typeof ZWebEnv>;

let cached: TWebEnv | undefined;

/** The web app's environment, validated once; a bad value stops the app with a readable message. */
export function webEnv(): TWebEnv {
  if (cached) return cached;
  const parsed = ZWebEnv.safeParse(process.env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`apps/web: invalid environment (${detail})`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change the environment between cases. */
export function resetWebEnvForTests(): void {
  cached = undefined;
}
