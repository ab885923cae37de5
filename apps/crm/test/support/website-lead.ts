// A lead arriving the way production delivers it: the website enqueues a `lead.submitted`
// event, the ingestion worker claims the job and applies it to the CRM in one transaction.
import crypto from "node:crypto";
import type { Db } from "@real-estate/db";
import { claimJobs, completeJobs, enqueueWebsiteEvent } from "@real-estate/queue";
import { processWebsiteEvent } from "@real-estate/crm";

export async function submitWebsiteLead(
  db: Db,
  options: { tenantId: string; firstName: string; lastName: string; email: string; phone?: string; message: string },
): Promise<{ leadId: string; eventId: string }> {
  const eventId = `crm-test-${crypto.randomUUID()}`;
  await enqueueWebsiteEvent({
    tenantId: options.tenantId,
    db,
    event: {
      type: "lead.submitted",
      eventId,
      tenantId: options.tenantId,
      occurredAt: new Date().toISOString(),
      source: { pageUrl: "http://fairfield.localhost:3000/contact" },
      payload: { contact: { firstName: options.firstName, lastName: options.lastName, email: options.email, phone: options.phone }, message: options.message },
    },
  });
  const workerId = "crm-browser-test";
  const jobs = await claimJobs({ workerId, db, limit: 10 });
  let leadId: string | undefined;
  for (const job of jobs) {
    const result = await processWebsiteEvent({ tenantId: job.tenantId, event: job.payload, db });
    if (job.eventId === eventId && result.outcome === "applied") leadId = result.leadId;
  }
  await completeJobs({ jobs, workerId, db });
  if (!leadId) throw new Error("the submitted lead was not processed");
  return { leadId, eventId };
}
