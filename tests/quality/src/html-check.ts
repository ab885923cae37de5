// The Nu Html Checker (vnu.jar from the npm package `vnu-jar`, run by the machine's Java) on the
// server-rendered HTML of pages: one JVM for all of them, errors only.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);

export type HtmlPage = { name: string; html: string };
export type HtmlError = { page: string; line: number | undefined; message: string; extract: string };

export function checkHtml(pages: HtmlPage[]): { errors: HtmlError[]; problem?: string } {
  const jar = String(require("vnu-jar"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-html-"));
  try {
    const files = pages.map((p, i) => {
      const file = path.join(dir, `${i}.html`);
      fs.writeFileSync(file, p.html);
      return file;
    });
    const r = spawnSync("java", ["-jar", jar, "--errors-only", "--format", "json", "--exit-zero-always", ...files], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.error) return { errors: [], problem: `java did not run (the HTML checker needs a Java runtime): ${r.error.message}` };
    // vnu writes its JSON report to stderr.
    const out = `${r.stderr}`.trim();
    const start = out.indexOf("{");
    if (start < 0) return { errors: [], problem: `the HTML checker printed no report: ${out.slice(0, 400)}` };
    const report = JSON.parse(out.slice(start)) as { messages: { type: string; url?: string; lastLine?: number; message: string; extract?: string }[] };
    const errors = report.messages
      .filter((m) => m.type === "error" || m.type === "non-document-error")
      .map((m) => {
        const index = files.findIndex((f) => m.url?.endsWith(`/${path.basename(f)}`));
        return {
          page: pages[index]?.name ?? m.url ?? "?",
          line: m.lastLine,
          message: m.message,
          extract: (m.extract ?? "").replace(/\s+/g, " ").slice(0, 120),
        };
      });
    return { errors };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
