import crypto from "node:crypto";
import { createTestDatabase, createTenantFixture } from "@real-estate/db/testing";
import { enqueueWebsiteEvent } from "@real-estate/db/queue";
const n = Number(process.argv[2] ?? 2000);
const t = await createTestDatabase("scratch");
const a = await createTenantFixture(t.db);
const b = await createTenantFixture(t.db);
const t0 = performance.now();
let i = 0;
async function lane() {
  while (i < n) {
    const k = i++;
    const tenantId = k % 2 ? a.tenantId : b.tenantId;
    await enqueueWebsiteEvent({ db: t.db, tenantId, event: { eventId: crypto.randomUUID(), tenantId, occurredAt: new Date().toISOString(), type: "lead.submitted", payload: { contact: { email: `p${k % 500}@example.com` }, message: "hi" } } });
  }
}
await Promise.all([1, 2, 3, 4].map(lane));
console.error(`enqueued ${n} in ${Math.round(performance.now() - t0)} ms`);
console.log(t.url);
await t.db.$disconnect();
