import crypto from "node:crypto";

/**
 * A name-based UUID (RFC 4122 version 5 layout over SHA-1) for a seed row, so rows without a
 * natural key (leads, activities) get the same id on every run and re-seeding adds nothing.
 */
export function deterministicUuid(...parts: string[]): string {
  const bytes = crypto
    .createHash("sha1")
    .update(`real-estate-seed:${parts.join(":")}`)
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
