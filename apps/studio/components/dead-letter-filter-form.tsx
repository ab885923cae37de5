import { WEBSITE_EVENT_TYPES } from "@real-estate/types";
import Link from "next/link";
import { TenantSelect } from "./tenant-select";

/** The dead-letter filter bar: a plain GET form, so every filtered view is a shareable link. */
export function DeadLetterFilterForm({
  tenants,
  search,
}: {
  tenants: { id: string; slug: string; name: string }[];
  search: Record<string, string | undefined>;
}) {
  return (
    <form className="panel" method="get" style={{ marginBottom: 16 }} data-testid="dead-letter-filter">
      <div className="panel-body row" style={{ alignItems: "flex-end" }}>
        <label className="field">
          <span>Tenant</span>
          <TenantSelect tenants={tenants} value={search.tenant} by="slug" maxWidth={190} />
        </label>
        <label className="field">
          <span>Kind</span>
          <input type="search" name="kind" defaultValue={search.kind} placeholder="e.g. email.deliver" style={{ maxWidth: 150 }} />
        </label>
        <label className="field">
          <span>Event type</span>
          <select name="eventType" defaultValue={search.eventType ?? ""}>
            <option value="">Any</option>
            {WEBSITE_EVENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="field" style={{ flex: "1 1 140px" }}>
          <span>Error contains</span>
          <input type="search" name="error" defaultValue={search.error} placeholder="e.g. timeout" />
        </label>
        <label className="field">
          <span>Dead-lettered</span>
          <select name="window" defaultValue={search.window ?? ""}>
            <option value="">Any time</option>
            <option value="1h">Last hour</option>
            <option value="24h">Last 24 hours</option>
            <option value="7d">Last 7 days</option>
            <option value="30d">Last 30 days</option>
          </select>
        </label>
        <label className="field">
          <span>From (UTC)</span>
          <input type="datetime-local" name="since" defaultValue={search.since} style={{ width: 185 }} />
        </label>
        <label className="field">
          <span>Until (UTC)</span>
          <input type="datetime-local" name="until" defaultValue={search.until} style={{ width: 185 }} />
        </label>
        <button type="submit" className="primary">
          Apply
        </button>
        <Link className="button" href="/dead-letters">
          Reset
        </Link>
      </div>
    </form>
  );
}
