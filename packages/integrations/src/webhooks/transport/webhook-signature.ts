import crypto from "node:crypto";

const SECRET_PREFIX = "whsec_";

/** A new signing secret in the Standard Webhooks form: "whsec_" + 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${crypto.randomBytes(32).toString("base64")}`;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Decoded keys kept at most (an endpoint has one or two live secrets); the map starts over when full. */
const MAX_KEYS = 1_024;
const keys = new Map<string, crypto.KeyObject>();

/**
 * The HMAC key of a secret as the Standard Webhooks libraries read it: without the "whsec_"
 * prefix, base64-decoded (padded standard base64 only; anything else throws, as the library's
 * `new Webhook(secret)` does, as does an empty key).
 */
function signingKey(secret: string): crypto.KeyObject {
  let key = keys.get(secret);
  if (key) return key;
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (!BASE64.test(encoded)) throw new Error("webhook secret is not base64");
  if (encoded.length === 0) throw new Error("webhook secret is empty");
  key = crypto.createSecretKey(Buffer.from(encoded, "base64"));
  if (keys.size >= MAX_KEYS) keys.clear();
  keys.set(secret, key);
  return key;
}

/**
 * The Standard Webhooks headers for one attempt: `webhook-id` (the delivery's id, the same on
 * every attempt), `webhook-timestamp` (this attempt, seconds) and `webhook-signature`, one
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` per secret, space-separated: during a
 * rotation's overlap the body is signed with the new and the previous secret, so receivers
 * verify with either. Signed with node:crypto's HMAC: the same signatures as the
 * `standardwebhooks` library's `sign` (its `verify` checks them in the tests), at a fraction of
 * its pure-JS HMAC's CPU.
 */
export function signWebhook(options: { id: string; timestamp: Date; body: string; secrets: readonly string[] }): Record<string, string> {
  const timestamp = Math.floor(options.timestamp.getTime() / 1000).toString();
  const signed = `${options.id}.${timestamp}.${options.body}`;
  let signatures = "";
  for (const secret of options.secrets) {
    const signature = crypto.createHmac("sha256", signingKey(secret)).update(signed, "utf8").digest("base64");
    signatures += `${signatures ? " " : ""}v1,${signature}`;
  }
  return { "webhook-id": options.id, "webhook-timestamp": timestamp, "webhook-signature": signatures };
}
