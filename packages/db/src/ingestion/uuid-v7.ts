import crypto from "node:crypto";

/**
 * A UUID version 7 (RFC 9562): 48-bit millisecond timestamp, then random bits. The schema's
 * `@default(uuid(7))` is applied by Prisma Client, not by the database, so raw inserts make their own.
 */
export function uuidV7(nowMs: number = Date.now()): string {
  const bytes = crypto.randomBytes(16);
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
