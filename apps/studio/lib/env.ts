import { z } from "zod";
import { configuredSecret } from "@real-estate/auth/secrets";
import { parseEnvList } from "@real-estate/types/env-list";

const ZStudioEnv = z.object({
  /** Where the studio reaches the web app to drop a tenant's cached pages (default http://127.0.0.1:3000); several instances comma-separated. */
  WEB_INTERNAL_URL: z
    .string()
    .default("http://127.0.0.1:3000")
    .transform((v) => parseEnvList(v))
    .pipe(z.array(z.url()).min(1, "names at least one URL")),
  /** Port of website links to `*.localhost` hosts (default 3000). */
  WEB_PUBLIC_PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Port of CRM links to `*.localhost` hosts (default 3001). */
  CRM_PUBLIC_PORT: z.coerce.number().int().min(1).max(65_535).default(3001),
  /**
   * The studio's own public URL, the base of the password-reset links it e-mails (default
   * http://localhost:3002). Configured, never taken from the request's Host header, so a forged
   * Host cannot send an operator's reset link elsewhere.
   */
  STUDIO_PUBLIC_URL: z
    .url()
    .default("http://localhost:3002")
    .transform((v) => v.replace(/\/+$/, "")),
});
export type StudioEnv = Omit<z.infer<typeof ZStudioEnv>, "WEB_INTERNAL_URL"> & {
  /** Every web app instance's internal URL (WEB_INTERNAL_URL). */
  WEB_INTERNAL_URLS: string[];
  /** Shared secret of the web app's POST /api/internal/revalidate (header x-internal-token): configured, or generated outside production (see configuredSecret). */
  INTERNAL_API_TOKEN: string;
};

let cached: StudioEnv | undefined;

/** The studio's environment, validated once; a bad value stops with a readable message. */
export function studioEnv(): StudioEnv {
  if (cached) return cached;
  const parsed = ZStudioEnv.safeParse(process.env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`apps/studio: invalid environment (${detail})`);
  }
  let token: string;
  try {
    token = configuredSecret("INTERNAL_API_TOKEN");
  } catch (error) {
    throw new Error(`apps/studio: ${(error as Error).message}`);
  }
  const { WEB_INTERNAL_URL, ...rest } = parsed.data;
  cached = { ...rest, WEB_INTERNAL_URLS: WEB_INTERNAL_URL, INTERNAL_API_TOKEN: token };
  return cached;
}
