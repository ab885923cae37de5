import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";

/**
 * The platform role of the account with this email ("operator" or null), or undefined when
 * there is no such account. The studio asks before signing in, so that no session is ever
 * created for someone who may not use it.
 */
export async function getPlatformRoleByEmail(options: { email: string; db?: Db }): Promise<string | null | undefined> {
  const db = options.db ?? getDb();
  const user = await db.user.findUnique({ where: { email: options.email.trim().toLowerCase() }, select: { platformRole: true } });
  return user ? user.platformRole : undefined;
}
