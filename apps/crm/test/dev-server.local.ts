import { setDb } from "@real-estate/db";
import { createTestDatabase } from "@real-estate/db/testing";
import { createCrmFixtureTenant } from "./support/crm-fixture";
import { seedSamplePipeline } from "./support/sample-pipeline";
import { startCrmServer } from "./support/crm-server";

const db = await createTestDatabase("crmdev");
setDb(db.db);
const f = await createCrmFixtureTenant(db.db, { slug: "fairfield", name: "Fairfield County Homes", crmHosts: ["crm.fairfield.localhost"], webHosts: ["fairfield.localhost"], people: [{ first: "Grace", last: "Holloway", email: "grace.holloway@example.com", phone: "+12035550142", source: "valuation" }] });
await seedSamplePipeline(db.db, { tenantId: f.tenantId, agentMembershipId: f.agent.membershipId });
await createCrmFixtureTenant(db.db, { slug: "shoreline", name: "Shoreline Realty", crmHosts: ["crm.shoreline.localhost"], people: [{ first: "Sam", last: "Seaward", email: "sam.seaward@example.com" }] });
const server = await startCrmServer({ port: 3240, databaseUrl: db.url, readyHost: "crm.fairfield.localhost" });
console.log("READY", db.url, f.leadIds[0]);
process.on("SIGTERM", async () => { await server.stop(); await db.drop(); process.exit(0); });
setInterval(() => { const o = server.output(); if (o.length) { process.stdout.write(o.slice(-2000)); } }, 1_000_000);
process.on("SIGUSR2", () => console.log(server.output()));
