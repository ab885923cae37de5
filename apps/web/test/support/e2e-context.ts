import { afterAll, inject } from "vitest";
import { createPrismaClient, type Db } from "@real-estate/db";
import { httpRequest } from "./web-server";

export type FakeCall = { method: string; path: string; query: Record<string, string>; body: string };

/** What the end-to-end global setup provides, plus a database client for assertions. */
export function useE2e() {
  const provided = inject("e2e");
  const db: Db = createPrismaClient({ url: provided.databaseUrl, poolSize: 2 });
  afterAll(() => db.$disconnect());
  return {
    ...provided,
    db,
    get: (host: string, path: string, headers: Record<string, string> = {}) => httpRequest(provided.port, host, path, { headers }),
    /**
     * Requests a page until it is served from a stored cache entry (`x-nextjs-cache: HIT`): its
     * render is stored and no background render of it is in flight, so a revalidation that follows
     * cannot be overtaken by a render that read the data before the change. Up to 5 s.
     */
    getStored: async (host: string, path: string) => {
      let res = await httpRequest(provided.port, host, path);
      for (let i = 0; i < 50 && res.headers["x-nextjs-cache"] !== "HIT"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        res = await httpRequest(provided.port, host, path);
      }
      if (res.headers["x-nextjs-cache"] !== "HIT") throw new Error(`${host}${path} was not served from the cache within 5 s`);
      return res;
    },
    origin: (host: string) => `http://${host}:${provided.port}`,
    /** Requests the fake provider server has received so far. */
    fakeCalls: async (): Promise<FakeCall[]> => (await fetch(`${provided.fakeUrl}/__requests`)).json() as Promise<FakeCall[]>,
  };
}
