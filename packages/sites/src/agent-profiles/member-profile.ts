import type { Db, Prisma } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { isUuid } from "@real-estate/types";
import { resolveProfilePatch, type ProfilePatch } from "./profile-input";
import { photoVersion } from "./member-photo";

const profileSelect = {
  id: true,
  tenantId: true,
  role: true,
  displayName: true,
  phone: true,
  phoneExtension: true,
  mlsAgentKey: true,
  photoSha256: true,
  user: { select: { name: true, email: true } },
} satisfies Prisma.TenantMembershipSelect;

type ProfileRow = Prisma.TenantMembershipGetPayload<{ select: typeof profileSelect }>;

/** A member's profile in one brokerage: what its website and its e-mails show of them. */
export type MemberProfile = {
  membershipId: string;
  /** The name shown: the profile's display name, else the account's name. */
  name: string;
  /** The display name as set (null: the account's name is shown). */
  displayName: string | null;
  accountName: string;
  email: string;
  /** E.164, or null. */
  phone: string | null;
  phoneExtension: string | null;
  mlsAgentKey: string | null;
  /** Changes with each new photo (part of the photo's URL); null: no photo. */
  photoVersion: string | null;
};

function toProfile(row: ProfileRow): MemberProfile {
  return {
    membershipId: row.id,
    name: row.displayName ?? row.user.name,
    displayName: row.displayName,
    accountName: row.user.name,
    email: row.user.email,
    phone: row.phone,
    phoneExtension: row.phoneExtension,
    mlsAgentKey: row.mlsAgentKey,
    photoVersion: row.photoSha256 ? photoVersion(row.photoSha256) : null,
  };
}

/** The website path of a member's photo (served on the tenant's own host), or null without one. */
export function agentPhotoPath(profile: Pick<MemberProfile, "membershipId" | "photoVersion">): string | null {
  return profile.photoVersion ? `/agent-photos/${profile.membershipId}/${profile.photoVersion}` : null;
}

/** The member's profile in this tenant, or null when the membership is not the tenant's. */
export async function getMemberProfile(options: { tenantId: string; membershipId: string; db?: Db }): Promise<MemberProfile | null> {
  const db = options.db ?? getDb();
  if (!isUuid(options.tenantId) || !isUuid(options.membershipId)) return null;
  const row = await db.tenantMembership.findUnique({ where: { tenantId_id: { tenantId: options.tenantId, id: options.membershipId } }, select: profileSelect });
  return row ? toProfile(row) : null;
}

/**
 * Changes the member's profile fields that the patch names. The phone is read in the tenant's
 * country and stored as E.164; an invalid one is a field error and nothing changes. Null when the
 * membership is not the tenant's.
 */
export async function updateMemberProfile(options: {
  tenantId: string;
  membershipId: string;
  patch: ProfilePatch;
  country: string;
  db?: Db;
}): Promise<{ ok: true; profile: MemberProfile } | { ok: false; fields: Record<string, string[]> } | null> {
  const db = options.db ?? getDb();
  if (!isUuid(options.tenantId) || !isUuid(options.membershipId)) return null;
  const resolved = resolveProfilePatch(options.patch, options.country);
  if (!resolved.ok) return resolved;
  const { count } = await db.tenantMembership.updateMany({ where: { tenantId: options.tenantId, id: options.membershipId }, data: resolved.data });
  if (count !== 1) return null;
  const profile = await getMemberProfile(options);
  return profile ? { ok: true, profile } : null;
}

/**
 * The members the website shows on its contact page: those who gave their profile a display
 * name (setting one is how a member appears on the website), owners first, then by name.
 */
export async function listWebsiteAgents(options: { tenantId: string; db?: Db }): Promise<MemberProfile[]> {
  const db = options.db ?? getDb();
  if (!isUuid(options.tenantId)) return [];
  const rows = await db.tenantMembership.findMany({
    where: { tenantId: options.tenantId, displayName: { not: null } },
    select: profileSelect,
    orderBy: [{ role: "asc" }, { displayName: "asc" }, { id: "asc" }],
    take: 24,
  });
  return rows.map(toProfile);
}

/**
 * The brokerage's member who lists this home: the one whose MLS agent id is the listing's
 * ListAgentKey, else the one whose display name is the listing agent's name (ignoring case).
 * Null when no member is known for it (the page falls back to the brokerage).
 */
export async function findListingAgentProfile(options: { tenantId: string; listingKey: string; db?: Db }): Promise<MemberProfile | null> {
  const db = options.db ?? getDb();
  if (!isUuid(options.tenantId)) return null;
  const listing = await db.listing.findFirst({
    where: { tenantId: options.tenantId, ListingKey: options.listingKey },
    select: { ListAgentKey: true, ListAgentFullName: true },
  });
  if (!listing) return null;
  if (listing.ListAgentKey) {
    const byKey = await db.tenantMembership.findFirst({
      where: { tenantId: options.tenantId, mlsAgentKey: listing.ListAgentKey },
      select: profileSelect,
      orderBy: { createdAt: "asc" },
    });
    if (byKey) return toProfile(byKey);
  }
  const name = listing.ListAgentFullName?.trim();
  if (name) {
    const byName = await db.tenantMembership.findFirst({
      where: { tenantId: options.tenantId, displayName: { equals: name, mode: "insensitive" } },
      select: profileSelect,
      orderBy: { createdAt: "asc" },
    });
    if (byName) return toProfile(byName);
  }
  return null;
}
