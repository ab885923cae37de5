// Deliveries are signed with node:crypto's HMAC: the headers must be exactly what the
// standardwebhooks library signs, and its own verifier must accept them (with either secret of a
// rotation's overlap) and refuse them for any other secret, body, id or timestamp.
import crypto from "node:crypto";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signWebhook } from "../src";

const BODIES = [
  "",
  "{}",
  JSON.stringify({ type: "lead.created", data: { lead: { id: "l-1", status: "NEW" }, contact: { id: "c-1", name: "Zoë Ångström" } } }),
  JSON.stringify({ note: "名前 ✓ 🏡 – “quoted” \\ / \n\t", price: 1_250_000 }),
  "x".repeat(70_000),
];

describe("signWebhook", () => {
  it("signs exactly as the standardwebhooks library does, for every body, secret and timestamp", () => {
    for (let i = 0; i < 40; i++) {
      const secret = i % 5 === 4 ? crypto.randomBytes(1 + i).toString("base64") : generateWebhookSecret();
      const body = BODIES[i % BODIES.length]! + (i % 3 === 0 ? "" : ` ${crypto.randomUUID()}`);
      const id = crypto.randomUUID();
      const timestamp = new Date(1_700_000_000_000 + i * 987_654_321 + (i % 7) * 333);
      const headers = signWebhook({ id, timestamp, body, secrets: [secret] });
      expect(headers["webhook-id"]).toBe(id);
      expect(headers["webhook-timestamp"]).toBe(String(Math.floor(timestamp.getTime() / 1000)));
      expect(headers["webhook-signature"]).toBe(new Webhook(secret).sign(id, timestamp, body));
    }
  });

  it("is accepted by the library's verifier with each secret of a rotation, and refused otherwise", () => {
    const [current, previous, other] = [generateWebhookSecret(), generateWebhookSecret(), generateWebhookSecret()];
    const id = crypto.randomUUID();
    const body = BODIES[2]!;
    const headers = signWebhook({ id, timestamp: new Date(), body, secrets: [current, previous] });
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(other).verify(body, headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(current).verify(`${body} `, headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(current).verify(body, { ...headers, "webhook-id": crypto.randomUUID() })).toThrow(WebhookVerificationError);
    const later = String(Number(headers["webhook-timestamp"]) + 1);
    expect(() => new Webhook(current).verify(body, { ...headers, "webhook-timestamp": later })).toThrow(WebhookVerificationError);
  });

  it("refuses a secret the library cannot read", () => {
    for (const secret of ["whsec_", "whsec_not base64!", "whsec_abc"]) {
      expect(() => new Webhook(secret)).toThrow();
      expect(() => signWebhook({ id: "x", timestamp: new Date(), body: "{}", secrets: [secret] })).toThrow();
    }
  });
});
