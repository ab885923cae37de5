import { parseAllowedHosts } from "@real-estate/types/outbound";
import { z } from "zod";

/**
 * Outbound webhook settings from the environment. Defaults deliver only to public addresses;
 * `npm start` and the tests allow the local receiver's host by WEBHOOK_ALLOWED_HOSTS.
 */
export const ZWebhookEnv = z.object({
  /**
   * Hosts an operator allows although they resolve to this machine's networks, comma-separated,
   * each `host` or `host:port` (e.g. `127.0.0.1:3190`). Default: none.
   */
  WEBHOOK_ALLOWED_HOSTS: z.string().trim().default(""),
  /** Milliseconds an endpoint has to answer, connection included (default 10,000). */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
});

export type WebhookSettings = {
  /** Lower-case `host` or `host:port` entries allowed despite resolving to a private address. */
  allowedHosts: readonly string[];
  timeoutMs: number;
};

export function webhookSettings(env: NodeJS.ProcessEnv = process.env): WebhookSettings {
  const e = ZWebhookEnv.parse({ WEBHOOK_ALLOWED_HOSTS: env.WEBHOOK_ALLOWED_HOSTS || undefined, WEBHOOK_TIMEOUT_MS: env.WEBHOOK_TIMEOUT_MS || undefined });
  return {
    allowedHosts: parseAllowedHosts(e.WEBHOOK_ALLOWED_HOSTS),
    timeoutMs: e.WEBHOOK_TIMEOUT_MS,
  };
}
