import crypto from "node:crypto";
import { Webhook } from "standardwebhooks";

const SECRET_PREFIX = "whsec_";

/** A new signing secret in the Standard Webhooks form: "whsec_" + 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${crypto.randomBytes(32).toString("base64")}`;
}

/**
 * The Standard Webhooks headers for one attempt: `webhook-id` (the delivery's id, the same on
 * every attempt), `webhook-timestamp` (this attempt, seconds) and `webhook-signature`, one
 * `v1,<base64 HMAC-SHA256>` per secret, space-separated: during a rotation's overlap the body is
 * signed with the new and the previous secret, so receivers verify with either.
 */
export function signWebhook(options: { id: string; timestamp: Date; body: string; secrets: readonly string[] }): Record<string, string> {
  const signatures = options.secrets.map((secret) => new Webhook(secret).sign(options.id, options.timestamp, options.body));
  return {
    "webhook-id": options.id,
    "webhook-timestamp": Math.floor(options.timestamp.getTime() / 1000).toString(),
    "webhook-signature": signatures.join(" "),
  };
}
