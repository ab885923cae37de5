// Clerk session tokens and webhook deliveries made locally, for tests: no request reaches Clerk.
import crypto from "node:crypto";
import { Webhook } from "svix";

/** The Frontend API host of the test instance: the `iss` of its tokens (`https://…`) and what its publishable key names. */
export const CLERK_TEST_FRONTEND_API = "clerk.clerk-test.localhost";

export type ClerkTestKeys = { privateKey: crypto.KeyObject; publicKeyPem: string; kid: string };

/** A fresh RSA key pair, as a Clerk instance has (its public half is what CLERK_JWT_KEY holds). */
export function createClerkTestKeys(): ClerkTestKeys {
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  return clerkTestKeysFrom(privateKey);
}

/** The test keys of an existing private key (a PKCS#8 PEM handed to another process, or a KeyObject). */
export function clerkTestKeysFrom(privateKey: crypto.KeyObject | string): ClerkTestKeys {
  const key = typeof privateKey === "string" ? crypto.createPrivateKey(privateKey) : privateKey;
  const publicKeyPem = crypto.createPublicKey(key).export({ type: "spki", format: "pem" }).toString();
  const kid = `ins_test_${crypto.createHash("sha256").update(publicKeyPem).digest("hex").slice(0, 12)}`;
  return { privateKey: key, publicKeyPem, kid };
}

/** The private half as PKCS#8 PEM, to hand to a process that signs with the same key. */
export function clerkTestPrivateKeyPem(keys: ClerkTestKeys): string {
  return keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

export type ClerkTestClaims = {
  sub: string;
  sid?: string;
  azp?: string;
  org_id?: string;
  org_role?: string;
  /** Seconds from now; negative for an expired token. Default 60 (Clerk's session token lifetime). */
  expiresIn?: number;
  /** Seconds from now until the token becomes valid (positive: not yet valid). Default -10. */
  notBefore?: number;
  /** Any further claims (v2 `o`, custom `email`, `name`, `metadata`). */
  extra?: Record<string, unknown>;
};

/** A session token shaped as Clerk issues it (RS256, kid, iss, sid, sub, azp, org claims, iat/nbf/exp). */
export function signClerkSessionToken(keys: ClerkTestKeys, claims: ClerkTestClaims): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: "RS256", kid: keys.kid, typ: "JWT" };
  const payload = {
    azp: claims.azp,
    exp: now + (claims.expiresIn ?? 60),
    iat: now - 1,
    // Clerk's middleware takes a token whose issuer is not the instance's Frontend API for
    // another instance's (and then looks for suffixed cookies), as Clerk issues it.
    iss: `https://${CLERK_TEST_FRONTEND_API}`,
    nbf: now + (claims.notBefore ?? -10),
    sid: claims.sid ?? `sess_${crypto.randomBytes(12).toString("hex")}`,
    sub: claims.sub,
    ...(claims.org_id ? { org_id: claims.org_id, org_role: claims.org_role, org_slug: "test-org", org_permissions: [] } : {}),
    ...claims.extra,
  };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = crypto.sign("RSA-SHA256", Buffer.from(input), keys.privateKey);
  return `${input}.${b64url(signature)}`;
}

/** A Svix signing secret as Clerk's dashboard shows it (`whsec_` + base64). */
export function createSvixTestSecret(): string {
  return `whsec_${crypto.randomBytes(24).toString("base64")}`;
}

/** The headers Svix sends with a delivery of `body`, signed with `secret` at `timestamp`. */
export function svixHeaders(options: { secret: string; body: string; id?: string; timestamp?: Date }): Record<string, string> {
  const id = options.id ?? `msg_${crypto.randomBytes(12).toString("hex")}`;
  const timestamp = options.timestamp ?? new Date();
  return {
    "svix-id": id,
    "svix-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "svix-signature": new Webhook(options.secret).sign(id, timestamp, options.body),
  };
}
