// Starts the embedded PostgreSQL for the folder in argv[2], prints one JSON line with its URL,
// and holds it until SIGTERM (the crash test SIGKILLs this process instead).
import { startEmbeddedServer } from "@real-estate/db/embedded";

const server = await startEmbeddedServer({ dir: process.argv[2]!, log: (line) => console.error(line) });
console.log(JSON.stringify({ url: server.url, port: server.port }));
process.on("SIGTERM", () => void server.stop().then(() => process.exit(0)));
setInterval(() => {}, 60_000);
