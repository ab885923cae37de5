import net from "node:net";

/** Ports for servers this suite starts: 3500-3599, or RELIABILITY_PORTS (`lo-hi`) when set. */
export const SERVER_PORT_RANGE = portRange(process.env.RELIABILITY_PORTS);

function portRange(value: string | undefined): readonly [number, number] {
  const match = /^(\d+)-(\d+)$/.exec(value?.trim() ?? "");
  const [lo, hi] = match ? [Number(match[1]), Number(match[2])] : [3500, 3599];
  if (!(lo >= 1024 && hi <= 65535 && lo <= hi)) throw new Error(`RELIABILITY_PORTS must be lo-hi within 1024-65535 (got "${value}")`);
  return [lo, hi];
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

const handedOut = new Set<number>();

/** A free port in SERVER_PORT_RANGE not yet handed out by this process. */
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
  throw new Error(`no free port in ${lo}-${hi}`);
}
