import crypto from "node:crypto";
import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { isUuid } from "@real-estate/types";
import { loadSharp } from "../shared/load-sharp";
import { MAX_MEMBER_PHOTO_BYTES } from "./profile-input";

export type MemberPhotoType = "image/jpeg" | "image/png" | "image/webp";

/** The photo's type from its first bytes (the client's Content-Type and file name are never trusted). */
export function sniffMemberPhotoType(b: Uint8Array): MemberPhotoType | null {
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) {
    return "image/png";
  }
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.length >= 12 && Buffer.from(b.subarray(0, 4)).toString("latin1") === "RIFF" && Buffer.from(b.subarray(8, 12)).toString("latin1") === "WEBP") {
    return "image/webp";
  }
  return null;
}

export type PhotoProblem = "too_large" | "empty" | "unsupported_type" | "unreadable";

export const PHOTO_PROBLEM_MESSAGES: Record<PhotoProblem, string> = {
  too_large: `A photo may be at most ${MAX_MEMBER_PHOTO_BYTES / 1024 / 1024} MB.`,
  empty: "Choose a photo to upload.",
  unsupported_type: "A photo must be a JPEG, PNG or WebP image.",
  unreadable: "This file is not a readable image.",
};

/** Longest side of a stored photo: larger uploads are scaled down (never up). */
const STORED_PHOTO_SIDE = 640;

/**
 * Checks an upload and makes the stored image: JPEG, PNG or WebP by its first bytes, at most
 * 2 MiB, and decodable. It is decoded and encoded again in its own format, scaled to at most
 * 640 px and without its metadata (a phone photo's EXIF can hold where it was taken). Where
 * sharp cannot load, the checked bytes are stored as sent.
 */
export async function prepareMemberPhoto(
  bytes: Uint8Array,
): Promise<{ ok: true; bytes: Buffer; contentType: MemberPhotoType } | { ok: false; problem: PhotoProblem }> {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (bytes.length > MAX_MEMBER_PHOTO_BYTES) return { ok: false, problem: "too_large" };
  const type = sniffMemberPhotoType(bytes);
  if (!type) return { ok: false, problem: "unsupported_type" };
  const sharp = await loadSharp();
  if (!sharp) return { ok: true, bytes: Buffer.from(bytes), contentType: type };
  try {
    const pipeline = sharp(bytes, { limitInputPixels: 40_000_000, failOn: "error" })
      .rotate()
      .resize({ width: STORED_PHOTO_SIDE, height: STORED_PHOTO_SIDE, fit: "inside", withoutEnlargement: true });
    const encoded =
      type === "image/png" ? pipeline.png() : type === "image/webp" ? pipeline.webp({ quality: 82 }) : pipeline.jpeg({ quality: 84, mozjpeg: true });
    return { ok: true, bytes: await encoded.toBuffer(), contentType: type };
  } catch {
    return { ok: false, problem: "unreadable" };
  }
}

/**
 * Replaces the member's photo. Returns the problem when the upload is refused (nothing changes),
 * or false when the membership is not this tenant's.
 */
export async function setMemberPhoto(options: {
  tenantId: string;
  membershipId: string;
  bytes: Uint8Array;
  db?: Db;
}): Promise<{ ok: true; sha256: string } | { ok: false; problem: PhotoProblem | "not_found" }> {
  const db = options.db ?? getDb();
  const { tenantId, membershipId } = options;
  if (!isUuid(tenantId) || !isUuid(membershipId)) return { ok: false, problem: "not_found" };
  const prepared = await prepareMemberPhoto(options.bytes);
  if (!prepared.ok) return prepared;
  const sha256 = crypto.createHash("sha256").update(prepared.bytes).digest("hex");
  return db.$transaction(async (tx) => {
    const { count } = await tx.tenantMembership.updateMany({ where: { tenantId, id: membershipId }, data: { photoSha256: sha256 } });
    if (count !== 1) return { ok: false as const, problem: "not_found" as const };
    const data = { bytes: new Uint8Array(prepared.bytes), contentType: prepared.contentType, sha256 };
    await tx.memberPhoto.upsert({ where: { tenantId_membershipId: { tenantId, membershipId } }, create: { tenantId, membershipId, ...data }, update: data });
    return { ok: true as const, sha256 };
  });
}

/** Removes the member's photo; false when the membership is not this tenant's. */
export async function removeMemberPhoto(options: { tenantId: string; membershipId: string; db?: Db }): Promise<boolean> {
  const db = options.db ?? getDb();
  const { tenantId, membershipId } = options;
  if (!isUuid(tenantId) || !isUuid(membershipId)) return false;
  return db.$transaction(async (tx) => {
    const { count } = await tx.tenantMembership.updateMany({ where: { tenantId, id: membershipId }, data: { photoSha256: null } });
    await tx.memberPhoto.deleteMany({ where: { tenantId, membershipId } });
    return count === 1;
  });
}

export type StoredMemberPhoto = { bytes: Buffer; contentType: string; sha256: string };

/** The member's photo in this tenant, or null (no photo, another tenant's member, a malformed id). */
export async function readMemberPhoto(options: { tenantId: string; membershipId: string; db?: Db }): Promise<StoredMemberPhoto | null> {
  const db = options.db ?? getDb();
  const { tenantId, membershipId } = options;
  if (!isUuid(tenantId) || !isUuid(membershipId)) return null;
  const row = await db.memberPhoto.findUnique({
    where: { tenantId_membershipId: { tenantId, membershipId } },
    select: { bytes: true, contentType: true, sha256: true },
  });
  return row ? { bytes: Buffer.from(row.bytes), contentType: row.contentType, sha256: row.sha256 } : null;
}

/**
 * The HTTP answer for a member's photo at `/…/<membershipId>/<version>`: a URL naming the current
 * version is immutable (a new photo is a new URL); an older version (an e-mail sent before the
 * photo changed) gets the current photo, cached for five minutes. The type is the one checked at
 * upload, with nosniff. `visibility: "private"` for a photo only signed-in members may fetch (the CRM).
 */
export function memberPhotoResponse(
  photo: StoredMemberPhoto | null,
  options: { version: string | null; ifNoneMatch: string | null; visibility?: "public" | "private" },
): Response {
  if (!photo) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store", "content-type": "text/plain; charset=utf-8" } });
  const etag = `"${photo.sha256.slice(0, 32)}"`;
  const current = photoVersion(photo.sha256) === options.version;
  const headers = {
    etag,
    "cache-control": `${options.visibility ?? "public"}, ${current ? "max-age=31536000, immutable" : "max-age=300"}`,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
  };
  if (options.ifNoneMatch === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(photo.bytes), {
    headers: { ...headers, "content-type": photo.contentType, "content-length": String(photo.bytes.length) },
  });
}

/** The short version of a photo hash used in its URL. */
export function photoVersion(sha256: string): string {
  return sha256.slice(0, 16);
}
