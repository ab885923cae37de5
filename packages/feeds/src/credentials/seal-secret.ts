// Feed credentials at rest: AES-256-GCM, bound to the feed they belong to (tenant and feed id
// are the additional authenticated data), so a ciphertext copied onto another tenant's feed
// does not decrypt. The key is FEED_CREDENTIALS_KEY (32 bytes, base64); outside production a
// key is generated once and kept in the data folder, so `npm start` works with no setup.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const VERSION = "v1";

function keyFile(): string {
  return path.resolve(process.env.FEED_CREDENTIALS_KEY_FILE ?? path.join(process.env.DATA_DIR ?? ".data", "feed-credentials.key"));
}

function decodeKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== 32) throw new Error(`${source} must be 32 bytes, base64-encoded (openssl rand -base64 32)`);
  return key;
}

let cached: Buffer | undefined;

/** The credentials key: FEED_CREDENTIALS_KEY, else (not in production) the data folder's key file. */
export function feedCredentialsKey(): Buffer {
  if (cached) return cached;
  const fromEnv = process.env.FEED_CREDENTIALS_KEY;
  if (fromEnv) return (cached = decodeKey(fromEnv, "FEED_CREDENTIALS_KEY"));
  if (process.env.NODE_ENV === "production" && process.env.AUTH_DEMO_MODE !== "1" && !process.env.FEED_CREDENTIALS_KEY_FILE) {
    throw new Error("FEED_CREDENTIALS_KEY (32 bytes, base64) or FEED_CREDENTIALS_KEY_FILE is required in production");
  }
  const file = keyFile();
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString("base64") + "\n", { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return (cached = decodeKey(fs.readFileSync(file, "utf8"), file));
}

/** Forgets the cached key (tests that change FEED_CREDENTIALS_KEY). */
export function resetFeedCredentialsKey() {
  cached = undefined;
}

export function sealSecret(options: { tenantId: string; feedId: string; secret: string }): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", feedCredentialsKey(), iv);
  cipher.setAAD(Buffer.from(`${options.tenantId}:${options.feedId}`));
  const body = Buffer.concat([cipher.update(options.secret, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

export function openSecret(options: { tenantId: string; feedId: string; sealed: string }): string {
  const [version, payload] = options.sealed.split(":");
  if (version !== VERSION || !payload) throw new Error("feed credentials: unknown format");
  const raw = Buffer.from(payload, "base64");
  const decipher = crypto.createDecipheriv("aes-256-gcm", feedCredentialsKey(), raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(`${options.tenantId}:${options.feedId}`));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** What an operator may see of a secret: its last four characters. */
export function secretHint(secret: string): string {
  return secret.length <= 8 ? "••••" : `••••${secret.slice(-4)}`;
}
