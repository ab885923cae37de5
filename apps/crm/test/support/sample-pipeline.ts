// A month of sample leads for one tenant, so the dashboard and tables in the browser test's
// screenshots look like a working day: every status and source, spread over 30 days, with
// first contact made on most.
import type { Db } from "@real-estate/db";
import { LEAD_SOURCES, LEAD_STATUSES } from "@real-estate/types";

const FIRST = [
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Ava",
  "Elijah",
  "Sophia",
  "James",
  "Mia",
  "Lucas",
  "Harper",
  "Mason",
  "Ella",
  "Logan",
  "Aria",
  "Ethan",
  "Chloe",
  "Owen",
  "Layla",
  "Jack",
  "Zoe",
  "Levi",
];
const LAST = [
  "Bennett",
  "Carter",
  "Diaz",
  "Ellis",
  "Foster",
  "Greene",
  "Hayes",
  "Irwin",
  "Jensen",
  "Kline",
  "Lowell",
  "Moreno",
  "Nash",
  "Ortiz",
  "Price",
  "Quill",
  "Reyes",
  "Stone",
  "Turner",
  "Vance",
  "Walsh",
  "Young",
];

export async function seedSamplePipeline(db: Db, options: { tenantId: string; agentMembershipId: string; count?: number }): Promise<void> {
  const count = options.count ?? 22;
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const createdAt = new Date(now - ((i * 29) / count) * 86_400_000 - 3_600_000 * ((i % 5) + 1));
    const status = LEAD_STATUSES[i < 4 ? 0 : i % LEAD_STATUSES.length]!;
    const source = LEAD_SOURCES[i % 6]!;
    const contacted = status !== "NEW" ? new Date(createdAt.getTime() + (15 + (i % 7) * 40) * 60_000) : null;
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    const contact = await db.contact.create({
      data: {
        tenantId: options.tenantId,
        firstName: first,
        lastName: last,
        email: `${first}.${last}.${i}@example.com`.toLowerCase(),
        phone: `+1203555${String(1000 + i).padStart(4, "0")}`,
        source,
        createdAt,
      },
    });
    const lead = await db.lead.create({
      data: {
        tenantId: options.tenantId,
        contactId: contact.id,
        source,
        status,
        createdAt,
        firstContactedAt: contacted,
        lastActivityAt: contacted ?? createdAt,
        assignedMembershipId: i % 3 === 0 ? null : options.agentMembershipId,
        closedAt: status === "WON" || status === "LOST" ? contacted : null,
        message: "Sample lead for the test run.",
      },
    });
    await db.activity.create({
      data: {
        tenantId: options.tenantId,
        contactId: contact.id,
        leadId: lead.id,
        type: "WEBSITE_EVENT",
        title: "Sample website inquiry",
        occurredAt: createdAt,
      },
    });
  }
}
