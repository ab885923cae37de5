// The "My day" page over HTTP, on the CRM's production build: the first 20 tasks of each bucket
// with the bucket's whole count, and "Show all" listing more of one bucket (up to 200).
import { beforeAll, describe, expect, it } from "vitest";
import { createCrmFixtureTenant, PASSWORD, type FixtureTenant } from "./support/crm-fixture";
import { httpGet, signInOnServer } from "./support/crm-server";
import { useSharedCrm } from "./support/use-shared-crm";

// The suite's shared server (this file's tenant is its own).
const testDb = useSharedCrm();
const CRM_PORT = testDb.port;
const CRM_HOST = "crm.myday.localhost";

let tenant: FixtureTenant;
let cookie: string;

const page = async (path: string) => {
  const res = await httpGet({ port: CRM_PORT, host: CRM_HOST, path, headers: { cookie } });
  expect(res.status).toBe(200);
  return res.body.replace(/<!-- -->/g, "");
};
/** The tasks the page lists in one bucket's section. */
const tasksIn = (html: string, bucket: string) => {
  const start = html.indexOf(`data-testid="my-day-${bucket}"`);
  const end = html.indexOf("</section>", start);
  return html.slice(start, end).split('data-testid="task"').length - 1;
};

beforeAll(async () => {
  tenant = await createCrmFixtureTenant(testDb.db, {
    slug: "myday",
    name: "My Day Realty",
    crmHosts: [CRM_HOST],
    people: [{ first: "Ann", last: "Buyer", email: "ann@example.com", phone: "+12035550101" }],
  });
  const base = Date.now();
  const task = (i: number, hoursFromNow: number) => ({
    tenantId: tenant.tenantId,
    contactId: tenant.contactIds[0]!,
    kind: "CALL" as const,
    title: `Call ${i}`,
    dueAt: new Date(base + hoursFromNow * 3_600_000 + i * 1_000),
    assignedMembershipId: tenant.agent.membershipId,
  });
  // 25 overdue, 3 in the next seven days (not today: tomorrow noon onwards is safe in any zone).
  await testDb.db.task.createMany({ data: [...Array.from({ length: 25 }, (_, i) => task(i, -48)), ...Array.from({ length: 3 }, (_, i) => task(100 + i, 72))] });
  cookie = await signInOnServer({ port: CRM_PORT, host: CRM_HOST, email: tenant.agent.email, password: PASSWORD });
}, 900_000);

describe("the My day page", () => {
  it("lists the first 20 overdue tasks with the whole count, and all of them on 'Show all'", async () => {
    const usual = await page("/my-day");
    expect(tasksIn(usual, "overdue")).toBe(20);
    expect(tasksIn(usual, "upcoming")).toBe(3);
    expect(usual).toContain('data-testid="my-day-overdue-count">25<');
    expect(usual).toContain("Showing the first 20 of 25.");
    expect(usual).toContain('href="/my-day?all=overdue#overdue"');
    expect(usual).not.toContain('data-testid="my-day-upcoming-more"');

    const all = await page("/my-day?all=overdue");
    expect(tasksIn(all, "overdue")).toBe(25);
    expect(tasksIn(all, "upcoming")).toBe(3);
    expect(all).not.toContain("Showing the first");

    // Anything else is the usual page.
    for (const odd of ["/my-day?all=everything", "/my-day?all=overdue&all=today"]) expect(tasksIn(await page(odd), "overdue")).toBe(20);
  }, 300_000);
});
