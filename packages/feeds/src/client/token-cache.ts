// OAuth 2 access tokens by client, kept until shortly before they expire. Keyed by a hash of
// (token URL, client id, secret) so the secret itself is never a map key anyone could dump.
import crypto from "node:crypto";

type Entry = { token: string; expiresAt: number };

/** Tokens are renewed this long before the server says they expire. */
const EARLY_RENEWAL_MS = 60_000;

export class TokenCache {
  private readonly entries = new Map<string, Entry>();

  static keyFor(tokenUrl: string, clientId: string, clientSecret: string): string {
    return crypto.createHash("sha256").update(`${tokenUrl}\n${clientId}\n${clientSecret}`).digest("hex");
  }

  get(key: string, now = Date.now()): string | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt - EARLY_RENEWAL_MS <= now) return undefined;
    return entry.token;
  }

  set(key: string, token: string, expiresInSeconds: number, now = Date.now()) {
    this.entries.set(key, { token, expiresAt: now + Math.max(0, expiresInSeconds) * 1000 });
  }

  delete(key: string) {
    this.entries.delete(key);
  }
}

/** The process's cache: every sync of a feed in this process reuses its token until expiry. */
export const sharedTokenCache = new TokenCache();
