type ModuleEntry = { moduleKey: string; enabled: boolean; settings?: unknown };

function short(value: unknown): string {
  if (value === null || value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}

/** Long id lists (a re-drive's jobs) are summarised rather than printed. */
function summarise(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) && v.length > 5 ? `${v.length} ${k}` : v]));
}

const isModuleList = (v: unknown): v is ModuleEntry[] => Array.isArray(v) && v.every((m) => m && typeof m === "object" && "moduleKey" in m);

/** What changed in a module list: switches, settings, and whether the order moved. */
function ModuleListChange({ before, after }: { before: ModuleEntry[]; after: ModuleEntry[] }) {
  const old = new Map(before.map((m) => [m.moduleKey, m]));
  const lines = after.flatMap((m) => {
    const was = old.get(m.moduleKey);
    const out: string[] = [];
    if (was && was.enabled !== m.enabled) out.push(`${m.moduleKey}: ${was.enabled ? "on" : "off"} → ${m.enabled ? "on" : "off"}`);
    if (was && JSON.stringify(was.settings ?? {}) !== JSON.stringify(m.settings ?? {}))
      out.push(`${m.moduleKey} settings: ${short(was.settings)} → ${short(m.settings)}`);
    return out;
  });
  if (before.map((m) => m.moduleKey).join() !== after.map((m) => m.moduleKey).join()) lines.push(`order: ${after.map((m) => m.moduleKey).join(", ")}`);
  return <div className="small">{lines.length ? lines.map((l) => <div key={l}>{l}</div>) : <span className="muted">no visible change</span>}</div>;
}

/** before → after of one audit row, field by field; unchanged fields shown as context. */
export function AuditChange(props: { before: unknown; after: unknown }) {
  if (isModuleList(props.before) && isModuleList(props.after)) return <ModuleListChange before={props.before} after={props.after} />;
  const b = summarise(props.before);
  const a = summarise(props.after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (!keys.length) return <span className="muted">—</span>;
  return (
    <div className="small">
      {keys.map((k) => {
        const same = k in b && k in a && JSON.stringify(b[k]) === JSON.stringify(a[k]);
        return (
          <div key={k}>
            <span className="muted">{k}:</span>{" "}
            {same ? (
              short(a[k])
            ) : (
              <>
                {k in b ? <del className="muted">{short(b[k])}</del> : null}
                {k in b && k in a ? " → " : null}
                {k in a ? <strong>{short(a[k])}</strong> : null}
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
