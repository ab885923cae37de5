import net from "node:net";

/** Ports for servers this suite starts: 3500-3599 only. */
export const SERVER_PORT_RANGE = [3500, 3599] as const;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

const handedOut = new Set<number>();

/** A free port in 3500-3599 not yet handed out by this process. */
export async function allocatePort(): Promise<number> {
  const [lo, hi] = SERVER_PORT_RANGE;
  const offset = Math.floor(Math.random() * (hi - lo + 1));
  for (let i = 0; i <= hi - lo; i++) {
    const port = lo + ((offset + i) % (hi - lo + 1));
    if (handedOut.has(port)) continue;
    if (await isFree(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error("no free port in 3500-3599");
}
