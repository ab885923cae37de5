import type pg from "pg";
import { round } from "../../lib/stats";
import type { CapturedStatement } from "./capture-sql";

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Rows Removed by Filter"?: number;
  "Actual Rows"?: number;
  Plans?: PlanNode[];
};

/** Where a statement's time goes: execution time and its scans (what, on which table, rows thrown away). */
export type StatementPlan = { table: string; executionMs: number | null; scans: string[] };

function scans(node: PlanNode, out: string[]) {
  if (node["Node Type"].includes("Scan") && node["Relation Name"]) {
    const removed = node["Rows Removed by Filter"] ? `, ${node["Rows Removed by Filter"]} rows removed by filter` : "";
    out.push(
      `${node["Node Type"]} on ${node["Relation Name"]}${node["Index Name"] ? ` using ${node["Index Name"]}` : ""} (${node["Actual Rows"]} rows${removed})`,
    );
  }
  for (const child of node.Plans ?? []) scans(child, out);
}

/** EXPLAIN ANALYZE of each captured statement (run once more, on the same connection pool). */
export async function explainStatements(pool: pg.Pool, statements: CapturedStatement[]): Promise<StatementPlan[]> {
  const plans: StatementPlan[] = [];
  for (const s of statements) {
    const r = await pool.query<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.text}`, s.values);
    const top = r.rows[0]!["QUERY PLAN"][0];
    const found: string[] = [];
    scans(top.Plan, found);
    plans.push({ table: /FROM "public"\."(\w+)"/.exec(s.text)?.[1] ?? "?", executionMs: round(top["Execution Time"], 3), scans: found });
  }
  return plans;
}
