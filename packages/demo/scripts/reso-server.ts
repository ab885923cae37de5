// The local RESO Web API server on its own (npm start runs it for the Shoreline demo feed):
//   tsx scripts/reso-server.ts [--port 8026] [--tenant shoreline] [--count 400] [--churn-seconds 60]
// With churn on, a few active listings get a price cut or go under contract, and now and then one
// is added or withdrawn, so the demo's incremental sync (and saved-search alerts) have something to do.
import { parseArgs } from "node:util";
import { DEMO_TENANTS } from "../src";
import { DEMO_RESO_CLIENT } from "../src/reso-server/demo-reso-client";
import { churnDemoMarket, startResoServer } from "../src/reso-server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.RESO_DEMO_PORT ?? "8026" },
    host: { type: "string", default: "127.0.0.1" },
    tenant: { type: "string", default: "shoreline" },
    count: { type: "string", default: "400" },
    "churn-seconds": { type: "string", default: "60" },
  },
});
const tenant = DEMO_TENANTS.find((t) => t.slug === values.tenant);
if (!tenant) {
  console.error(`reso-server: no demo market "${values.tenant}" (${DEMO_TENANTS.map((t) => t.slug).join(", ")})`);
  process.exit(2);
}
const server = await startResoServer({ tenant, count: Number(values.count), host: values.host, port: Number(values.port), clients: [DEMO_RESO_CLIENT] });
console.log(`reso-server: ${tenant.name} market, ${server.store.keys().length} listings, OData at ${server.serviceRoot}, token at ${server.tokenUrl}`);

const churnMs = Number(values["churn-seconds"]) * 1000;
let tick = 0;
if (churnMs > 0) setInterval(() => churnDemoMarket(server.store, { tick: ++tick }), churnMs).unref();

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
