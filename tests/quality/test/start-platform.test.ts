import { describe, expect, it } from "vitest";
import { platformPorts as launcherPorts } from "@real-estate/http/platform-ports";
import { platformPorts } from "../src/start-platform";

describe("the ports the audit waits on", () => {
  it("are the ones npm start listens on, for the audit's offset and with a port's own variable", () => {
    for (const env of [{}, { WEB_PORT: "23500", STUDIO_METRICS_PORT: "23967" }]) {
      const launched = launcherPorts(500, env);
      expect(platformPorts(500, env)).toEqual({
        web: launched.web,
        crm: launched.crm,
        studio: launched.studio,
        metrics: { worker: launched.metrics, web: launched.webMetrics, crm: launched.crmMetrics, studio: launched.studioMetrics },
      });
    }
    expect(platformPorts(500, { WEB_PORT: "23500" }).web).toBe(23500);
    expect(platformPorts(500, {}).metrics).toEqual({ worker: 9964, web: 9965, crm: 9966, studio: 9967 });
  });

  it("refuse an offset npm start refuses", () => {
    expect(() => platformPorts(5, {})).toThrow(/multiple of 10/);
  });
});
