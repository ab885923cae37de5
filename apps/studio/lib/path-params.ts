import { StudioNotFoundError, type AreaKind } from "@real-estate/operator";
import type { PageKindData } from "@real-estate/types";

/** `town` / `neighborhood` in a URL → the page kind; anything else is a 404, like any unknown path. */
export function pageKindFromPath(segment: string): PageKindData {
  if (segment === "town") return "TOWN";
  if (segment === "neighborhood") return "NEIGHBORHOOD";
  throw new StudioNotFoundError("Page kind");
}

export function areaKindFromPath(segment: string): AreaKind {
  if (segment === "town" || segment === "neighborhood") return segment;
  throw new StudioNotFoundError("Area");
}
