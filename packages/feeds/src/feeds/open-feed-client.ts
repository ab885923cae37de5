import { getDb, type Db } from "@real-estate/db";
import { createResoClient, type ResoClient, type ResoClientOptions } from "../client/reso-client";
import { openSecret } from "../credentials/seal-secret";

export type FeedClientOverrides = Omit<ResoClientOptions, "baseUrl" | "auth">;

/** The feed's RESO client, with its secret unsealed in memory only. */
export async function openFeedClient(options: { tenantId: string; feedId: string; db?: Db; client?: FeedClientOverrides }): Promise<ResoClient | null> {
  const db = options.db ?? getDb();
  const feed = await db.feed.findUnique({
    where: { tenantId_id: { tenantId: options.tenantId, id: options.feedId } },
    select: { baseUrl: true, authKind: true, tokenUrl: true, clientId: true, secretCiphertext: true },
  });
  if (!feed) return null;
  const secret = openSecret({ tenantId: options.tenantId, feedId: options.feedId, sealed: feed.secretCiphertext });
  const auth =
    feed.authKind === "bearer"
      ? { kind: "bearer" as const, token: secret }
      : { kind: "client_credentials" as const, tokenUrl: feed.tokenUrl ?? "", clientId: feed.clientId ?? "", clientSecret: secret };
  return createResoClient({ ...options.client, baseUrl: feed.baseUrl, auth });
}
