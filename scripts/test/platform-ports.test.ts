import { describe, expect, it } from "vitest";
import { appLinkEnv, platformPorts, portOffset, productionInstances, profilePorts } from "@real-estate/http/platform-ports";

const allPorts = (offset: number) => Object.values(platformPorts(offset, {}));

const accepted = (n: number) => {
  try {
    return portOffset(["--port-offset", String(n)], {}) === n;
  } catch {
    return false;
  }
};
const acceptedOffsets = Array.from({ length: 1001 }, (_, n) => n).filter(accepted);

/** Each port two runs share, over every pair of accepted offsets (0 included), `a` at one and `b` at the other. */
function sharedPorts(a: (offset: number) => number[], b: (offset: number) => number[]): string[] {
  const shared: string[] = [];
  for (const n of acceptedOffsets) {
    const mine = new Set(a(n));
    for (const m of acceptedOffsets) if (m !== n) for (const port of b(m)) if (mine.has(port)) shared.push(`${port}: offsets ${n} and ${m}`);
  }
  return shared;
}

describe("the platform's ports", () => {
  it("are the documented defaults without an offset", () => {
    expect(platformPorts(0, {})).toEqual({
      web: 3000,
      crm: 3001,
      studio: 3002,
      metrics: 9464,
      webMetrics: 9465,
      crmMetrics: 9466,
      studioMetrics: 9467,
      smtp: 2525,
      mailbox: 8025,
      reso: 8026,
      webhooks: 8027,
      postgres: 54329,
    });
  });

  it("moved by --port-offset 10 (the README's second install) share none with the first install's", () => {
    const first = new Set(allPorts(0));
    expect(allPorts(10).filter((port) => first.has(port))).toEqual([]);
    expect(new Set(allPorts(10)).size).toBe(allPorts(10).length);
  });

  it("never land on another install's, whatever offset is accepted", () => {
    const first = new Set(allPorts(0));
    // Each accepted offset against the first install's ports, then every pair of accepted offsets.
    const offsets = acceptedOffsets;
    expect(offsets.filter((n) => n > 0 && allPorts(n).some((port) => first.has(port)))).toEqual([]);
    const owner = new Map<number, number>();
    const shared: string[] = [];
    for (const n of offsets)
      for (const port of new Set(allPorts(n))) {
        if (owner.has(port)) shared.push(`${port}: offsets ${owner.get(port)} and ${n}`);
        else owner.set(port, n);
      }
    expect(shared).toEqual([]);
    // The README's second and third installs stay accepted.
    expect([10, 20, 500].every(accepted)).toBe(true);
  });

  it("of the production profile (nginx, two instances each of web and CRM) never land on another install's either", () => {
    const prod = (offset: number) => profilePorts(offset, "cache", {});
    const plain = (offset: number) => profilePorts(offset, "plain", {});
    // Within one run no port twice; then every pair of accepted offsets, prod beside prod and
    // prod beside npm start (either way round).
    for (const n of [0, 10, 500]) expect(new Set(prod(n)).size).toBe(prod(n).length);
    expect(prod(0).length).toBe(allPorts(0).length + 6);
    expect(sharedPorts(prod, prod)).toEqual([]);
    expect(sharedPorts(prod, plain)).toEqual([]);
    expect(sharedPorts(plain, plain)).toEqual([]);
  });

  it("put the production profile's instances beside the apps, with their metrics ports", () => {
    const ports = platformPorts(10, {});
    expect(productionInstances(ports, 10)).toEqual({
      web: [
        { port: 3013, metricsPort: 9475 },
        { port: 3014, metricsPort: 9478 },
      ],
      crm: [
        { port: 3016, metricsPort: 9476 },
        { port: 3017, metricsPort: 9479 },
      ],
    });
  });

  it("take each port's own variable over the offset", () => {
    const ports = platformPorts(10, { WEB_PORT: "23000", RESO_DEMO_PORT: "23010" });
    expect(ports.web).toBe(23000);
    expect(ports.reso).toBe(23010);
    expect(ports.crm).toBe(3011);
  });

  it("read the offset from the flag, either form, or PORT_OFFSET, and refuse anything but a multiple of 10 from 0 to 1000", () => {
    expect(portOffset(["--port-offset", "10"], {})).toBe(10);
    expect(portOffset(["--port-offset=20"], { PORT_OFFSET: "50" })).toBe(20);
    expect(portOffset([], { PORT_OFFSET: "50" })).toBe(50);
    expect(portOffset([], {})).toBe(0);
    for (const bad of ["-1", "1001", "1.5", "ten", "-10", "1010"]) expect(() => portOffset(["--port-offset", bad], {})).toThrow(/0 to 1000/);
    for (const bad of ["1", "5", "9", "15", "999"]) expect(() => portOffset(["--port-offset", bad], {})).toThrow(/multiple of 10/);
  });
});

describe("the variables that tell each app where the others are", () => {
  it("name this run's ports, so a moved install links to and revalidates its own apps", () => {
    expect(appLinkEnv(platformPorts(10, {}), {})).toEqual({
      PUBLIC_WEB_PORT: "3010",
      PUBLIC_CRM_PORT: "3011",
      WEB_PUBLIC_PORT: "3010",
      CRM_PUBLIC_PORT: "3011",
      STUDIO_PUBLIC_URL: "http://localhost:3012",
      WEB_INTERNAL_URL: "http://127.0.0.1:3010",
    });
  });

  it("keep what the operator set", () => {
    const env = { WEB_PUBLIC_PORT: "443", STUDIO_PUBLIC_URL: "https://studio.example", WEB_INTERNAL_URL: "http://10.0.0.5:3000" };
    const links = appLinkEnv(platformPorts(0, {}), env);
    expect(links.WEB_PUBLIC_PORT).toBe("443");
    expect(links.STUDIO_PUBLIC_URL).toBe("https://studio.example");
    expect(links.WEB_INTERNAL_URL).toBe("http://10.0.0.5:3000");
    expect(links.CRM_PUBLIC_PORT).toBe("3001");
  });
});
