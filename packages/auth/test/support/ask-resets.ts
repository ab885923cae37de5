// Asks for staff password resets of one address in a process of its own, all at once, each as
// asked in a two-minute window of its own: `first` to `first + count - 1` windows after `base`
// (epoch ms). Prints "ready" once loaded and connected, fires when a line arrives on stdin, and
// prints the answers as JSON.
import readline from "node:readline";
import { getDb } from "@real-estate/db";
import { requestStaffPasswordReset } from "../../src/index";

const [tenantId, email, first, count, base] = process.argv.slice(2);
await getDb().$queryRaw`SELECT 1`;
console.log("ready");
const lines = readline.createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once("line", () => resolve()));
lines.close();

const realNow = Date.now;
const asked: Promise<unknown>[] = [];
for (let window = Number(first); window < Number(first) + Number(count); window++) {
  // The moment a request is asked is read when it starts (withResetRequest), before any await.
  Date.now = () => Number(base) + window * 2 * 60_000;
  asked.push(requestStaffPasswordReset({ tenantId: tenantId!, email: email!, headers: new Headers({ host: "crm.alpha.localhost:3001" }) }));
}
Date.now = realNow;
console.log(JSON.stringify(await Promise.all(asked)));
await getDb().$disconnect();
