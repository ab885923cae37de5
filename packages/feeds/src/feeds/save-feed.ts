import { getDb, type Db } from "@real-estate/db";
import { v7 as uuidv7 } from "uuid";
import { feedUrlProblem, type FeedDestinationOptions } from "../client/feed-destination";
import { sealSecret, secretHint } from "../credentials/seal-secret";
import { scheduleFeedSync } from "../schedule/feed-sync-job";
import { feedViewSelect, ZFeedInput, type FeedInput, type FeedView } from "./feed-contracts";

export class FeedInputError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super("invalid feed settings");
  }
}

/**
 * The settings, or a FeedInputError naming every refused field: the contract's checks, and where
 * the service root and token URL point (this machine and its networks are refused unless an
 * operator allowed the host), checked for each URL even when another field was refused.
 */
async function parse(input: FeedInput, destinations: FeedDestinationOptions) {
  const parsed = ZFeedInput.safeParse(input);
  const fields: Record<string, string> = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "feed", i.message]));
  const raw = input as { baseUrl?: unknown; tokenUrl?: unknown; authKind?: unknown };
  for (const field of ["baseUrl", "tokenUrl"] as const) {
    const value = raw[field];
    if (fields[field] || typeof value !== "string" || (field === "tokenUrl" && raw.authKind !== "client_credentials")) continue;
    const problem = await feedUrlProblem(value.trim(), destinations);
    if (problem && problem !== "not a URL") fields[field] = problem;
  }
  if (!parsed.success || Object.keys(fields).length > 0) throw new FeedInputError(fields);
  return parsed.data;
}

/**
 * Adds a feed to the tenant. The secret is required here, stored sealed, and never returned. A URL
 * on this machine or its networks is refused (FeedInputError) unless an operator allowed its host.
 */
export async function createFeed(options: { tenantId: string; input: FeedInput; db?: Db; destinations?: FeedDestinationOptions }): Promise<FeedView> {
  const db = options.db ?? getDb();
  const settings = await parse(options.input, options.destinations ?? {});
  if (!settings.secret) throw new FeedInputError({ secret: settings.authKind === "bearer" ? "the bearer token is required" : "the client secret is required" });
  const id = uuidv7();
  const { secret, ...rest } = settings;
  // The first run is queued with the feed: it runs as soon as a worker is free.
  return db.$transaction(async (tx) => {
    const feed = await tx.feed.create({
      data: {
        ...rest,
        tokenUrl: rest.authKind === "client_credentials" ? rest.tokenUrl : null,
        clientId: rest.authKind === "client_credentials" ? rest.clientId : null,
        filter: rest.filter || null,
        disclaimer: rest.disclaimer || null,
        tenantId: options.tenantId,
        id,
        secretCiphertext: sealSecret({ tenantId: options.tenantId, feedId: id, secret }),
        secretHint: secretHint(secret),
      },
      select: feedViewSelect,
    });
    await scheduleFeedSync(tx, { tenantId: options.tenantId, feedId: id, runAt: feed.nextRunAt });
    return feed;
  });
}

/** Changes a feed's settings; an empty secret keeps the stored one. Null when not the tenant's. */
export async function updateFeed(options: {
  tenantId: string;
  feedId: string;
  input: FeedInput;
  db?: Db;
  destinations?: FeedDestinationOptions;
}): Promise<FeedView | null> {
  const db = options.db ?? getDb();
  const settings = await parse(options.input, options.destinations ?? {});
  const { secret, ...rest } = settings;
  const existing = await db.feed.findUnique({ where: { tenantId_id: { tenantId: options.tenantId, id: options.feedId } }, select: { authKind: true } });
  if (!existing) return null;
  if (!secret && existing.authKind !== rest.authKind) throw new FeedInputError({ secret: "a new secret is required when the sign-in method changes" });
  return db.feed.update({
    where: { tenantId_id: { tenantId: options.tenantId, id: options.feedId } },
    data: {
      ...rest,
      tokenUrl: rest.authKind === "client_credentials" ? rest.tokenUrl : null,
      clientId: rest.authKind === "client_credentials" ? rest.clientId : null,
      filter: rest.filter || null,
      disclaimer: rest.disclaimer || null,
      ...(secret ? { secretCiphertext: sealSecret({ tenantId: options.tenantId, feedId: options.feedId, secret }), secretHint: secretHint(secret) } : {}),
    },
    select: feedViewSelect,
  });
}
