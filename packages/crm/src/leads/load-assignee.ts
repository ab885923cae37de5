import type { DbTx } from "@real-estate/db";

/**
 * Names of the tenant's members keyed by membership id, for activity titles. When `required`
 * is given and is not a member of this tenant, returns null (the assignment is refused).
 */
export async function loadAssigneeNames(tx: DbTx, options: { tenantId: string; required?: string | null }): Promise<Map<string, string> | null> {
  const members = await tx.tenantMembership.findMany({
    where: { tenantId: options.tenantId },
    select: { id: true, user: { select: { name: true } } },
  });
  const names = new Map(members.map((m) => [m.id, m.user.name]));
  if (options.required && !names.has(options.required)) return null;
  return names;
}
