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
    origin: (host: string) => `http://${host}:${provided.port}`,
    /** Requests the fake provider server has received so far. */
    fakeCalls: async (): Promise<FakeCall[]> => (await fetch(`${provided.fakeUrl}/__requests`)).json() as Promise<FakeCall[]>,
  };
}
