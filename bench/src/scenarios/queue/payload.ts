import crypto from "node:crypto";
import type { NoopPayload } from "./driver";

/** A valid lead.submitted event, the same bytes for every system (ours validates it). */
export function noopEvent(tenantId: string, n: number, runId: string): NoopPayload {
  return {
    version: 1,
    type: "lead.submitted",
    eventId: `bench-${runId}-${n}`,
    tenantId,
    occurredAt: new Date().toISOString(),
    source: { pageUrl: "https://bench.example/contact", utmSource: "bench" },
    payload: {
      contact: { firstName: "Bench", lastName: `Lead ${n}`, email: `bench-${n}@example.com` },
      message: "No-op benchmark job",
    },
  };
}

/** A tenant id for the peers' payloads (they have no tenant table; ours uses a real tenant). */
export const PEER_TENANT_ID = crypto.randomUUID();
