import { createApiKey } from "@real-estate/crm";
import type { Db } from "@real-estate/db";
import { createCrmFixtureTenant, type FixtureTenant } from "./crm-fixture";
import { signInCookie, type Credentials } from "./api-client";

export type Side = FixtureTenant & { ownerCookie: string; agentCookie: string; apiKey: string };

/** The side's signed-in agent. */
export const agent = (side: Side): Credentials => ({ cookie: side.agentCookie });
/** The side's signed-in owner. */
export const owner = (side: Side): Credentials => ({ cookie: side.ownerCookie });
/** The side's API key. */
export const key = (side: Side): Credentials => ({ bearer: side.apiKey });
/** Options for `call` sending `If-Match: ifMatch`, or nothing when there is none. */
export const withIfMatch = (ifMatch?: string | null) => (ifMatch ? { headers: { "if-match": ifMatch } } : {});

/** Tenant A (alpha) and tenant B (beta), each with signed-in owner and agent and an API key. */
export async function setUpTwoTenants(db: Db): Promise<{ a: Side; b: Side }> {
  const a = await createCrmFixtureTenant(db, {
    slug: "alpha",
    name: "Alpha Realty",
    crmHosts: ["crm.alpha.test"],
    people: [
      { first: "Ann", last: "Archer", email: "ann@example.com", phone: "+12035550001", source: "valuation" },
      { first: "Al", last: "Adams", email: "al@example.com", source: "website_contact" },
      { first: "Amy", last: "Ames", email: "amy@example.com", source: "listing_inquiry" },
    ],
  });
  const b = await createCrmFixtureTenant(db, {
    slug: "beta",
    name: "Beta Homes",
    crmHosts: ["crm.beta.test"],
    people: [{ first: "Ann", last: "Archer", email: "ann@example.com", source: "valuation" }],
  });
  const side = async (t: FixtureTenant): Promise<Side> => ({
    ...t,
    ownerCookie: await signInCookie(t.owner.email, t.crmHost),
    agentCookie: await signInCookie(t.agent.email, t.crmHost),
    apiKey: (await createApiKey({ tenantId: t.tenantId, name: "test", createdByUserId: t.owner.userId })).key,
  });
  return { a: await side(a), b: await side(b) };
}
