import { createTenantFixture } from "@real-estate/db/testing";
import type { Db } from "@real-estate/db";
import { SHORELINE_TENANT } from "@real-estate/demo";
import { parseEnvList } from "@real-estate/types/env-list";
import { startResoServer, type ResoServer, type ResoServerOptions } from "@real-estate/demo/reso-server";
import { createFeed, type FeedInput } from "../../src";

export const CLIENT = { clientId: "test-client", clientSecret: "s3cret-Client-Value-9f2c" };

/**
 * Starts a local RESO server and allows exactly its host:port in FEED_ALLOWED_HOSTS (this
 * process's: the feed client refuses this machine's addresses unless an operator allowed them).
 */
export async function startTestResoServer(options: Partial<ResoServerOptions> = {}): Promise<ResoServer> {
  const server = await startResoServer({ tenant: SHORELINE_TENANT, count: 120, clients: [CLIENT], bearerTokens: ["static-Bearer-Token-77aa"], ...options });
  allowFeedHost(new URL(server.serviceRoot).host);
  return server;
}

/** Adds `host:port` to this process's FEED_ALLOWED_HOSTS. */
export function allowFeedHost(hostPort: string) {
  const hosts = parseEnvList(process.env.FEED_ALLOWED_HOSTS);
  if (!hosts.includes(hostPort)) process.env.FEED_ALLOWED_HOSTS = [...hosts, hostPort].join(",");
}

export async function createFeedFixture(db: Db, server: ResoServer, options: { tenantId?: string; slug?: string; input?: Partial<FeedInput> } = {}) {
  const tenantId = options.tenantId ?? (await createTenantFixture(db, { slug: options.slug })).tenantId;
  const feed = await createFeed({
    tenantId,
    db,
    input: {
      name: `MLS ${Math.random().toString(36).slice(2, 7)}`,
      baseUrl: server.serviceRoot,
      authKind: "client_credentials",
      tokenUrl: server.tokenUrl,
      clientId: CLIENT.clientId,
      secret: CLIENT.clientSecret,
      pageSize: 25,
      ...options.input,
    } as FeedInput,
  });
  return { tenantId, feedId: feed.id, feed };
}

/** Fast retries for tests: the policy is the same, only the base step is shorter. */
export const FAST_CLIENT = { backoffBaseMs: 5, timeoutMs: 5_000 };
