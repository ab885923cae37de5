import type { Prisma } from "@real-estate/db";

/** What callers see of a membership: the role, and who the member is. */
export const membershipSelect = {
  tenantId: true,
  id: true,
  userId: true,
  role: true,
  away: true,
  displayName: true,
  phone: true,
  phoneExtension: true,
  photoSha256: true,
  createdAt: true,
  user: { select: { id: true, name: true, email: true } },
} satisfies Prisma.TenantMembershipSelect;

export type MembershipRow = Prisma.TenantMembershipGetPayload<{ select: typeof membershipSelect }>;

/** Thrown when a change would leave a tenant without an owner. */
export class LastOwnerError extends Error {
  constructor() {
    super("a brokerage needs at least one owner");
  }
}
