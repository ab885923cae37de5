// The ports `npm start`, `npm run dev` and `npm run start:prod` listen on, and the variables that
// tell each app where the others are. `--port-offset N` (or PORT_OFFSET) moves every default
// port by N, so a second install runs beside the first; each port's own variable, when set, wins
// over the offset. N is a multiple of 10 (decision 0116): the defaults sit side by side (apps
// 3000-3002, metrics 9464-9467, mail 8025, RESO 8026, webhooks 8027), so an offset from 1 to 9
// moved one install's port onto another's (offset 1: the website on the CRM's 3001), and 475
// the SMTP sink (2525) onto the website's 3000. With multiples of 10 no two installs share a port
// as long as no two default ports less than 1010 apart end in the same digit: the production
// profile's instances therefore sit on the free digits beside the apps (decision 0117; at the
// website's + 20 and the CRM's + 30, with metrics + 10, offsets 10-30 met them).
// The launcher (scripts/lib/platform.ts) and the quality audit (tests/quality) both read them here.

export type PlatformPorts = {
  web: number;
  crm: number;
  studio: number;
  metrics: number;
  webMetrics: number;
  crmMetrics: number;
  studioMetrics: number;
  smtp: number;
  mailbox: number;
  webhooks: number;
  postgres: number;
  reso: number;
};

/** `--port-offset N`, `--port-offset=N` or PORT_OFFSET: a multiple of 10 from 0 to 1000 (0 when none). */
export function portOffset(argv: string[], env: NodeJS.ProcessEnv = process.env): number {
  const i = argv.findIndex((a) => a === "--port-offset" || a.startsWith("--port-offset="));
  const arg = i < 0 ? undefined : argv[i]!;
  const raw = arg === undefined ? env.PORT_OFFSET : arg.includes("=") ? arg.split("=")[1] : argv[i + 1];
  if (raw === undefined || raw === "") return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 1000) throw new Error(`--port-offset must be a whole number from 0 to 1000 (got ${raw})`);
  if (n % 10 !== 0) throw new Error(`--port-offset must be a multiple of 10 (got ${raw}): smaller steps put this install's ports on another's`);
  return n;
}

/** Each port: its own variable when set, else the default moved by the offset. */
export function platformPorts(offset: number, env: NodeJS.ProcessEnv = process.env, postgresDefault = 54329): PlatformPorts {
  const pick = (name: string, base: number) => Number(env[name]) || base + offset;
  return {
    web: pick("WEB_PORT", 3000),
    crm: pick("CRM_PORT", 3001),
    studio: pick("STUDIO_PORT", 3002),
    metrics: pick("METRICS_PORT", 9464),
    webMetrics: pick("WEB_METRICS_PORT", 9465),
    crmMetrics: pick("CRM_METRICS_PORT", 9466),
    studioMetrics: pick("STUDIO_METRICS_PORT", 9467),
    smtp: pick("SMTP_SINK_PORT", 2525),
    mailbox: pick("SMTP_SINK_HTTP_PORT", 8025),
    // The local RESO server sits beside the other stand-ins (mail 8025, webhooks 8027): at 3010 it
    // was the website's port of a second install started with `--port-offset 10`.
    reso: pick("RESO_DEMO_PORT", 8026),
    webhooks: pick("WEBHOOK_SINK_PORT", 8027),
    postgres: pick("EMBEDDED_PG_PORT", postgresDefault),
  };
}

/** One web or CRM instance of the production profile: its port and its metrics port. */
export type InstancePorts = { port: number; metricsPort: number };

/**
 * The production profile's (`start:prod`) two instances each of web and CRM behind nginx, which
 * listens on the web and CRM ports: web 3003-3004, CRM 3006-3007 (3005 would meet the SMTP
 * sink's 2525 at offset 480), each first instance's metrics on the app's metrics port and each
 * second's on 9468 (web) and 9469 (CRM); all moved by the offset.
 */
export function productionInstances(ports: PlatformPorts, offset: number): { web: InstancePorts[]; crm: InstancePorts[] } {
  return {
    web: [
      { port: 3003 + offset, metricsPort: ports.webMetrics },
      { port: 3004 + offset, metricsPort: 9468 + offset },
    ],
    crm: [
      { port: 3006 + offset, metricsPort: ports.crmMetrics },
      { port: 3007 + offset, metricsPort: 9469 + offset },
    ],
  };
}

/**
 * Every port a run listens on: `plain` (npm start, npm run dev) or `cache` (start:prod, nginx on
 * the web and CRM ports in front of the instances). The embedded PostgreSQL's is included.
 */
export function profilePorts(offset: number, profile: "plain" | "cache", env: NodeJS.ProcessEnv = process.env): number[] {
  const ports = platformPorts(offset, env);
  const all = Object.values(ports);
  if (profile === "plain") return all;
  const instances = productionInstances(ports, offset);
  return [...new Set([...all, ...[...instances.web, ...instances.crm].flatMap((i) => [i.port, i.metricsPort])])];
}

/**
 * Where each app finds the others on this run's ports, unless the operator set the variable:
 * the links in e-mails (PUBLIC_WEB_PORT, PUBLIC_CRM_PORT: packages/mail and the CRM), the
 * website's canonical URLs and the studio's links to websites and CRMs (WEB_PUBLIC_PORT,
 * CRM_PUBLIC_PORT), the studio's own reset links (STUDIO_PUBLIC_URL) and the website the studio
 * revalidates after a change (WEB_INTERNAL_URL; the production profile names its instances).
 * Each app's own default is the unmoved port, so without these a moved install linked to, and
 * revalidated, the first install's apps.
 */
export function appLinkEnv(ports: PlatformPorts, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return {
    PUBLIC_WEB_PORT: env.PUBLIC_WEB_PORT ?? String(ports.web),
    PUBLIC_CRM_PORT: env.PUBLIC_CRM_PORT ?? String(ports.crm),
    WEB_PUBLIC_PORT: env.WEB_PUBLIC_PORT ?? String(ports.web),
    CRM_PUBLIC_PORT: env.CRM_PUBLIC_PORT ?? String(ports.crm),
    STUDIO_PUBLIC_URL: env.STUDIO_PUBLIC_URL ?? `http://localhost:${ports.studio}`,
    WEB_INTERNAL_URL: env.WEB_INTERNAL_URL ?? `http://127.0.0.1:${ports.web}`,
  };
}
