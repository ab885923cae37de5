// Lighthouse (the npm package, in the Chromium at /usr/bin/chromium over its debugging port) on a
// page, mobile (Lighthouse's default: a mid-range phone on a slow 4G link, simulated) or desktop.
import lighthouse, { type Result } from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

export type FormFactor = "mobile" | "desktop";
export type LighthouseScores = { performance: number; accessibility: number; "best-practices": number; seo: number };
export type LighthouseRun = { url: string; formFactor: FormFactor; scores: LighthouseScores; failing: string[]; lhr: Result };

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];

/** Lighthouse on a page; `categories` narrows the run (the others score 0 and name no failing audit). */
export async function runLighthouse(
  url: string,
  formFactor: FormFactor,
  debuggingPort: number,
  options: { categories?: Category[] } = {},
): Promise<LighthouseRun> {
  const categories = options.categories ?? [...CATEGORIES];
  const result = await lighthouse(
    url,
    { port: debuggingPort, output: "json", logLevel: "error", onlyCategories: categories, maxWaitForLoad: 120_000 },
    formFactor === "desktop" ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as LighthouseScores;
  // The audits that cost points (score under 1), named, so a miss can be fixed without rerunning.
  const failing: string[] = [];
  for (const c of categories) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(`${c}: ${ref.id} (${audit.displayValue ?? audit.score})`);
    }
  }
  return { url, formFactor, scores, failing, lhr };
}

/**
 * Whether a run meets the goal: accessibility and best practices always; SEO where `seo` (the
 * website's public page types, all open to search engines: decision 0055). Performance moves with the
 * machine's load and is reported only.
 */
export function lighthouseVerdict(run: Pick<LighthouseRun, "scores">, options: { seo: boolean; goal: number }): { ok: boolean } {
  const s = run.scores;
  const seoOk = !options.seo || s.seo >= options.goal;
  return { ok: s.accessibility >= options.goal && s["best-practices"] >= options.goal && seoOk };
}
