"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { DeadLetterQuery } from "@/lib/dead-letter-query";

export type RedriveTarget = { kind: "ids"; ids: string[]; label: string } | { kind: "filter"; filter: DeadLetterQuery; label: string };

type Phase =
  | { step: "counting" }
  | { step: "confirm"; count: number }
  | { step: "running"; requeued: number; total: number }
  | { step: "done"; redriveId: string; matched: number; requeued: number }
  | { step: "error"; message: string };

function queryString(filter: DeadLetterQuery): string {
  return new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]).toString();
}

async function readLines(res: Response, onLine: (line: Record<string, unknown>) => void) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value, { stream: !done });
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line) onLine(JSON.parse(line) as Record<string, unknown>);
    }
    if (done) return;
  }
}

/** Count → confirm → progress → outcome, for one re-drive. */
export function RedriveDialog({ target, onClose }: { target: RedriveTarget; onClose: () => void }) {
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const [phase, setPhase] = useState<Phase>(target.kind === "ids" ? { step: "confirm", count: target.ids.length } : { step: "counting" });

  useEffect(() => {
    ref.current?.showModal();
    if (target.kind !== "filter") return;
    fetch(`/api/dead-letters/count?${queryString(target.filter)}`)
      .then(async (res) =>
        res.ok
          ? setPhase({ step: "confirm", count: ((await res.json()) as { count: number }).count })
          : setPhase({ step: "error", message: `Counting failed (${res.status}).` }),
      )
      .catch(() => setPhase({ step: "error", message: "The studio could not be reached." }));
  }, [target]);

  async function run() {
    const total = phase.step === "confirm" ? phase.count : 0;
    setPhase({ step: "running", requeued: 0, total });
    const selection = target.kind === "ids" ? { ids: target.ids } : { all: true, filter: target.filter };
    try {
      const res = await fetch("/api/redrives", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ selection }) });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => ({}))) as { message?: string };
        return setPhase({ step: "error", message: body.message ?? `The studio answered ${res.status}.` });
      }
      await readLines(res, (line) => {
        if (line.type === "progress") setPhase({ step: "running", requeued: Number(line.requeued), total: Number(line.total) });
        if (line.type === "done") setPhase({ step: "done", redriveId: String(line.redriveId), matched: Number(line.matched), requeued: Number(line.requeued) });
        if (line.type === "error") setPhase({ step: "error", message: String(line.message) });
      });
    } catch {
      setPhase({ step: "error", message: "The connection dropped; the re-drive history shows what was done." });
    }
  }

  function close() {
    ref.current?.close();
    if (phase.step === "done") router.refresh();
    onClose();
  }

  const pct = phase.step === "running" && phase.total ? Math.round((phase.requeued / phase.total) * 100) : phase.step === "done" ? 100 : 0;
  return (
    <dialog ref={ref} onCancel={(e) => (phase.step === "running" ? e.preventDefault() : close())} data-testid="redrive-dialog">
      <div className="dialog-body stack" style={{ gap: 10 }}>
        <h2>Re-drive {target.label}</h2>
        {phase.step === "counting" ? <p className="muted">Counting the dead letters this matches…</p> : null}
        {phase.step === "confirm" ? (
          <p data-testid="redrive-count">
            <strong>{phase.count.toLocaleString("en-US")}</strong> dead {phase.count === 1 ? "letter" : "letters"} will be put back in the queue, due now, with
            their attempts reset. Workers pick them up at once.
          </p>
        ) : null}
        {phase.step === "running" || phase.step === "done" ? (
          <>
            <div className="progress" aria-label="Re-drive progress">
              <span style={{ width: `${pct}%` }} />
            </div>
            <div className="small muted" data-testid="redrive-progress">
              {phase.step === "running"
                ? `Requeued ${phase.requeued.toLocaleString("en-US")} of ${phase.total.toLocaleString("en-US")}…`
                : `Requeued ${phase.requeued.toLocaleString("en-US")} of ${phase.matched.toLocaleString("en-US")} matched.`}
            </div>
          </>
        ) : null}
        {phase.step === "done" ? (
          <div className="banner ok" style={{ margin: 0 }} data-testid="redrive-done">
            <div>
              <strong>Re-drive finished</strong>
              Follow whether they succeed or fail again on <Link href={`/redrives/${phase.redriveId}`}>the re-drive&apos;s page</Link>.
            </div>
          </div>
        ) : null}
        {phase.step === "error" ? (
          <div className="banner bad" style={{ margin: 0 }} role="alert">
            {phase.message}
          </div>
        ) : null}
      </div>
      <div className="dialog-foot">
        {phase.step === "done" ? (
          <Link className="button primary" href={`/redrives/${phase.redriveId}`}>
            View outcome
          </Link>
        ) : null}
        <button type="button" onClick={close} disabled={phase.step === "running"}>
          {phase.step === "done" || phase.step === "error" ? "Close" : "Cancel"}
        </button>
        {phase.step === "confirm" ? (
          <button type="button" className="primary" onClick={run} disabled={phase.count === 0}>
            Re-drive {phase.count.toLocaleString("en-US")}
          </button>
        ) : null}
      </div>
    </dialog>
  );
}
