import { z } from "zod";

/** Development value of INTERNAL_API_TOKEN, the same default the web app uses. */
export const DEV_INTERNAL_API_TOKEN = "dev-internal-token-change-me";

const ZStudioEnv = z.object({
  /** Where the studio reaches the web app to drop a tenant's cached pages (default http://127.0.0.1:3000). */
  WEB_INTERNAL_URL: z.url().default("http://127.0.0.1:3000"),
  /** Shared secret sent as x-internal-token to the web app's revalidate endpoint. */
  INTERNAL_API_TOKEN: z.string().min(8).default(DEV_INTERNAL_API_TOKEN),
  /** Port of website links to `*.localhost` hosts (default 3000). */
  WEB_PUBLIC_PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Port of CRM links to `*.localhost` hosts (default 3001). */
  CRM_PUBLIC_PORT: z.coerce.number().int().min(1).max(65_535).default(3001),
});
export type TStudioEnv = z.infer<typeof ZStudioEnv>;

let cached: TStudioEnv | undefined;

/** The studio's environment, validated once; a bad value stops with a readable message. */
export function studioEnv(): TStudioEnv {
  if (cached) return cached;
  const parsed = ZStudioEnv.safeParse(process.env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`apps/studio: invalid environment (${detail})`);
  }
  cached = parsed.data;
  return cached;
}
