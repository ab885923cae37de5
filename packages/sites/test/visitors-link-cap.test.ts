// The cap on links e-mailed to a visitor (decision 0107) under concurrency: many requests for one
// account at the same instant, each on its own connection, make exactly VISITOR_LINKS_PER_WINDOW
// tokens, whether the caller passes a transaction or the client.
import { describe, expect, it } from "vitest";
import { createTenantFixture, useTestDatabase } from "@real-estate/db/testing";
import { createVisitor, createVisitorToken, VISITOR_LINKS_PER_WINDOW } from "../src/visitors";

const testDb = useTestDatabase("visitors_link_cap");
const AT_ONCE = 20;

describe("links made for one visitor at the same instant", () => {
  it("are at most VISITOR_LINKS_PER_WINDOW of each purpose, per tenant, called with the client or in transactions", async () => {
    const { db } = testDb();
    const a = await createTenantFixture(db, { slug: "vlc-a" });
    const b = await createTenantFixture(db, { slug: "vlc-b" });
    const visitorOn = async (tenantId: string) => {
      const made = await createVisitor({ tenantId, email: "rushed@example.test", password: "a-long-password-1", name: null, db });
      if (!made.ok) throw new Error("no visitor");
      return made.visitor.id;
    };
    const onA = await visitorOn(a.tenantId);
    const onB = await visitorOn(b.tenantId);

    const made = await Promise.all([
      // Resets asked with the client (no transaction of the caller's)...
      ...Array.from({ length: AT_ONCE }, () => createVisitorToken(db, { tenantId: a.tenantId, visitorId: onA, purpose: "reset-password" })),
      // ...verification links each in a transaction of its own, as the worker's jobs make them...
      ...Array.from({ length: AT_ONCE }, () =>
        db.$transaction((tx) => createVisitorToken(tx, { tenantId: a.tenantId, visitorId: onA, purpose: "verify-email" })),
      ),
      // ...and the other tenant's account with the same address, at the same time.
      ...Array.from({ length: AT_ONCE }, () => createVisitorToken(db, { tenantId: b.tenantId, visitorId: onB, purpose: "reset-password" })),
    ]);

    expect(VISITOR_LINKS_PER_WINDOW).toBeLessThan(AT_ONCE);
    const count = (tenantId: string, visitorId: string, purpose: string) => db.visitorToken.count({ where: { tenantId, visitorId, purpose } });
    expect.soft(await count(a.tenantId, onA, "reset-password")).toBe(VISITOR_LINKS_PER_WINDOW);
    expect.soft(await count(a.tenantId, onA, "verify-email")).toBe(VISITOR_LINKS_PER_WINDOW);
    expect.soft(await count(b.tenantId, onB, "reset-password")).toBe(VISITOR_LINKS_PER_WINDOW);
    // A token is answered only for a link made: the others answer null.
    expect(made.filter(Boolean)).toHaveLength(3 * VISITOR_LINKS_PER_WINDOW);
  });
});
