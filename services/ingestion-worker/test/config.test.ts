import { describe, expect, it } from "vitest";
import { ZWorkerEnv } from "../src/config";

describe("worker environment", () => {
  it("serves metrics and health on loopback unless told otherwise", () => {
    expect(ZWorkerEnv.parse({}).METRICS_HOST).toBe("127.0.0.1");
    expect(ZWorkerEnv.parse({ METRICS_HOST: "0.0.0.0" }).METRICS_HOST).toBe("0.0.0.0");
    expect(ZWorkerEnv.parse({ METRICS_HOST: "::1" }).METRICS_HOST).toBe("::1");
    expect(ZWorkerEnv.parse({ METRICS_HOST: "localhost" }).METRICS_HOST).toBe("localhost");
  });

  it("refuses a listen address that is not one", () => {
    for (const bad of ["evil.example", "0.0.0.0; rm", "", "256.1.1.1"]) expect(ZWorkerEnv.safeParse({ METRICS_HOST: bad }).success).toBe(false);
  });

  it("reads INGESTION_KINDS as a comma-separated list; unset or blank: every standard kind (null)", () => {
    expect(ZWorkerEnv.parse({ INGESTION_KINDS: " feed.sync ,, email.deliver , " }).INGESTION_KINDS).toEqual(["feed.sync", "email.deliver"]);
    for (const unset of [undefined, "", "   "]) expect(ZWorkerEnv.parse({ INGESTION_KINDS: unset }).INGESTION_KINDS).toBeNull();
  });

  it("refuses an INGESTION_KINDS of only commas and spaces (a worker that would claim no kind)", () => {
    for (const none of [",", " , ,, "]) {
      const parsed = ZWorkerEnv.safeParse({ INGESTION_KINDS: none });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => `${i.path.join(".")} ${i.message}`)).toEqual([
        "INGESTION_KINDS names no job kind (leave it unset for every standard kind)",
      ]);
    }
  });
});
