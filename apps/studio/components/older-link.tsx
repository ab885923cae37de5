import { isUuid } from "@real-estate/types";
import Link from "next/link";

/** The "older" link under a newest-first list, when there is a next page. */
export function OlderLink({ href, label = "Older →" }: { href: string | null; label?: string }) {
  if (!href) return null;
  return (
    <div className="panel-body right">
      <Link className="button small" href={href}>
        {label}
      </Link>
    </div>
  );
}

/**
 * A newest-first list page's `?before=` cursor: undefined when absent or empty (the first page),
 * null when malformed (not an id, or given twice), which the page answers with BadPageLink as
 * the list APIs answer 400, instead of quietly showing the first page.
 */
export function readBefore(value: string | string[] | undefined): string | undefined | null {
  if (value === undefined || value === "") return undefined;
  return isUuid(value) ? value : null;
}

/** What a list page shows for a malformed `?before=`: the words of the list APIs' 400, and the way back to the first page. */
export function BadPageLink({ firstPage }: { firstPage: string }) {
  return (
    <div className="banner bad" role="alert">
      That page link is not valid. <Link href={firstPage}>Show the newest</Link>
    </div>
  );
}
