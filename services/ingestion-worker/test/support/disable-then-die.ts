// A worker that dies mid-disable: it drains the webhook deliveries of DATABASE_URL, and when an
// attempt disables its endpoint it queues the owners' notice in that transaction and is then
// SIGKILLed before the transaction commits. Used by webhook-disable-notice.test.ts.
import { createPrismaClient } from "@real-estate/db";
import { queueWebhookDisabledNotice } from "@real-estate/mail";
import { webhookJobKinds } from "@real-estate/integrations";
import { parseAllowedHosts } from "@real-estate/types/outbound";
import { systemClock } from "../../src/clock";
import { createMemoryLogger } from "@real-estate/http/logging";
import { createWorker } from "../../src/worker";

const db = createPrismaClient({ url: process.env.DATABASE_URL!, poolSize: 4, applicationName: "disable-then-die" });
const worker = createWorker({
  db,
  concurrency: 1,
  batchSize: 10,
  leaseMs: 60_000,
  clock: systemClock,
  logger: createMemoryLogger(),
  kinds: webhookJobKinds({
    settings: { allowedHosts: parseAllowedHosts(process.env.WEBHOOK_ALLOWED_HOSTS), timeoutMs: 10_000 },
    onEndpointDisabled: async (info) => {
      await queueWebhookDisabledNotice(info.db, { tenantId: info.tenantId, deliveryId: info.deliveryId, now: info.now });
      process.stdout.write("notice queued, dying\n");
      process.kill(process.pid, "SIGKILL");
      await new Promise(() => {}); // never returns: the transaction is still open when the process dies
    },
  }),
});
await worker.drainOnce();
// Reached only if no attempt disabled an endpoint.
process.stdout.write("drained without a disabling\n");
await db.$disconnect();
process.exit(3);
