export const SCENARIOS = [
  "queue",
  "ingestion",
  "lead-endpoint",
  "pages",
  "edge",
  "web-alone",
  "crm-leads",
  "redrive",
  "feeds",
  "search",
  "outbox",
  "webhooks",
  "lead-email",
  "freshness",
  "events-api",
  "routing",
  "my-day",
] as const;
/** Scenarios run only when named (measurements for a decision, not figures the issue tracks). */
export const EXPERIMENTAL_SCENARIOS = ["queue-storage"] as const;
export type ScenarioName = (typeof SCENARIOS)[number] | (typeof EXPERIMENTAL_SCENARIOS)[number];
const NAMED: readonly string[] = [...SCENARIOS, ...EXPERIMENTAL_SCENARIOS];

export type BenchArgs = {
  /** Scenarios to run, in the canonical order (default: all but the experimental ones). */
  scenarios: ScenarioName[];
  /** Small sizes and short loads, for development on a busy machine. */
  quick: boolean;
  /** Rebuild the Next.js apps even when their production build looks current. */
  rebuild: boolean;
};

const USAGE = `usage: npm run bench -- [--scenario NAME[,NAME]] [--quick] [--rebuild]
scenarios: ${SCENARIOS.join(", ")} (memory is measured inside ingestion, lead-endpoint and pages)
experimental, run only when named: ${EXPERIMENTAL_SCENARIOS.join(", ")}`;

export function parseArgs(argv: string[]): BenchArgs {
  const picked = new Set<ScenarioName>();
  let quick = false;
  let rebuild = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split("=", 2) as [string, string | undefined];
    if (flag === "--quick") quick = true;
    else if (flag === "--rebuild") rebuild = true;
    else if (flag === "--scenario" || flag === "-s") {
      const value = inline ?? argv[++i];
      if (!value) throw new Error(`--scenario needs a value\n${USAGE}`);
      for (const name of value.split(",")) {
        const s = name.trim() === "memory" ? "ingestion" : name.trim();
        if (!NAMED.includes(s)) throw new Error(`unknown scenario "${name}"\n${USAGE}`);
        picked.add(s as ScenarioName);
      }
    } else if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  const scenarios: ScenarioName[] = picked.size ? (NAMED as readonly ScenarioName[]).filter((s) => picked.has(s)) : [...SCENARIOS];
  return { scenarios, quick, rebuild };
}
