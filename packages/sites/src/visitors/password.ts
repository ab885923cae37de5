import crypto from "node:crypto";
import { promisify } from "node:util";
import { hashPassword as hashWithBetterAuth, verifyPassword as verifyWithBetterAuth } from "better-auth/crypto";

/**
 * Visitor passwords are hashed by better-auth's scrypt (`<salt hex>:<key hex>`, N = 2^14, r = 16,
 * p = 1), the hasher staff sign-ins already use. Hashes written before that switch have the form
 * `scrypt$N$r$p$<salt b64>$<hash b64>`: they still verify, and a successful sign-in rewrites them
 * (see needsRehash).
 */
export function hashPassword(password: string): Promise<string> {
  return hashWithBetterAuth(password);
}

/** Checks a password against a stored hash of either form; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (isLegacyHash(stored)) return verifyLegacyPassword(password, stored);
  try {
    return await verifyWithBetterAuth({ hash: stored, password });
  } catch {
    return false;
  }
}

/** True for a hash of the earlier form, which the next successful sign-in replaces. */
export function needsRehash(stored: string): boolean {
  return isLegacyHash(stored);
}

const isLegacyHash = (stored: string) => stored.startsWith("scrypt$");

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

async function verifyLegacyPassword(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, saltB64, hashB64] = stored.split("$");
  if (!saltB64 || !hashB64) return false;
  const expected = Buffer.from(hashB64, "base64");
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 };
  if (!Number.isInteger(options.N) || !Number.isInteger(options.r) || !Number.isInteger(options.p) || expected.length === 0) return false;
  const actual = await scrypt(password.normalize("NFKC"), Buffer.from(saltB64, "base64"), expected.length, options);
  return crypto.timingSafeEqual(actual, expected);
}

/** A valid hash of a random password: compared against when an email is unknown, so timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;
export function getDummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString("hex"));
  return dummyHash;
}
