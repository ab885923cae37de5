// db:restore FOLDER — makes a backup taken by db:backup the embedded server's data (the server
// must be stopped; the data it replaces is kept in .data/postgres/before-restore-<time>).
import path from "node:path";
import { restoreEmbeddedServer } from "../src/embedded";

const arg = process.argv.slice(2).find((a) => !a.startsWith("-"));
if (!arg) {
  console.error("usage: npm run db:restore -- FOLDER   (a folder written by npm run db:backup)");
  process.exit(2);
}
try {
  const r = restoreEmbeddedServer({ from: path.resolve(process.env.INIT_CWD ?? process.cwd(), arg) });
  console.log(`db:restore: restored into ${r.dir}${r.keptAside ? `; the previous data is in ${r.keptAside}` : ""}. npm start uses it.`);
} catch (error) {
  console.error(`db:restore: ${(error as Error).message}`);
  process.exit(1);
}
