"use client";

import Link from "next/link";
import { useState } from "react";
import type { DeadLetterQuery } from "@/lib/dead-letter-query";
import { RedriveDialog, type RedriveTarget } from "./redrive-dialog";

export type ErrorGroup = { error: string; errorClass: string | null; count: number; filterHref: string };

/** "412 events failed with X": dead letters grouped by their last error, each one filterable and re-drivable. */
export function ErrorGroups({ groups, filter, total }: { groups: ErrorGroup[]; filter: DeadLetterQuery; total: number }) {
  const [target, setTarget] = useState<RedriveTarget | null>(null);
  const max = Math.max(...groups.map((g) => g.count), 1);
  return (
    <div className="panel">
      <div className="panel-head">
        <div>
          <h2>Errors</h2>
          <p>
            {groups.length
              ? `${groups.length} distinct ${groups.length === 1 ? "error" : "errors"} across ${total.toLocaleString("en-US")} dead letters`
              : "nothing to group"}
          </p>
        </div>
      </div>
      <table className="data" data-testid="error-groups">
        <tbody>
          {groups.map((g) => (
            <tr key={`${g.error}-${g.errorClass}`}>
              <td style={{ width: 120 }}>
                <div className="bar-track" style={{ minWidth: 0 }}>
                  <span style={{ width: `${(g.count / max) * 100}%`, background: "#ef4444" }} />
                </div>
              </td>
              <td>
                <strong>{g.count.toLocaleString("en-US")}</strong> {g.count === 1 ? "event" : "events"} failed with{" "}
                <span className="error-text">{g.error}</span>{" "}
                {g.errorClass ? <span className={`badge ${g.errorClass === "permanent" ? "bad" : "warn"}`}>{g.errorClass}</span> : null}
              </td>
              <td className="right nowrap">
                <Link className="button small" href={g.filterHref}>
                  Filter
                </Link>{" "}
                <button
                  type="button"
                  className="small"
                  onClick={() => setTarget({ kind: "filter", filter: { ...filter, error: g.error }, label: `the ${g.count} with this error` })}
                >
                  Re-drive {g.count.toLocaleString("en-US")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {target ? <RedriveDialog target={target} onClose={() => setTarget(null)} /> : null}
    </div>
  );
}
