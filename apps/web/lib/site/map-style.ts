import { getMapStyleUrl } from "@real-estate/sites";
import { webEnv } from "../env";

/**
 * The MapLibre style URL of a tenant's maps: the one set in the studio, else the platform's
 * MAP_STYLE_URL, else null (the maps draw their plain local style with no tile server).
 */
export async function siteMapStyleUrl(tenantId: string): Promise<string | null> {
  return (await getMapStyleUrl({ tenantId })) ?? webEnv().MAP_STYLE_URL ?? null;
}
