import type { AreaContent, ModuleConfigData, ModuleSettings, WebsiteModuleKey } from "@real-estate/types";
import { MODULE_LABELS } from "@real-estate/types";
import { searchListings, type ListingCardData } from "@real-estate/sites";
import { getProviderKeys } from "@real-estate/sites";
import { loadNearbyPlaces, loadWalkScore, type PlacesView, type WalkScoreView } from "./area-providers";

/** A town or neighbourhood, as the modules need it. */
export type AreaRef = {
  name: string;
  state: string;
  townSlug: string;
  neighborhoodSlug?: string;
  latitude: number | null;
  longitude: number | null;
  content: AreaContent;
};

type Base<K extends WebsiteModuleKey> = { key: K; title: string };
export type AreaModuleView =
  | (Base<"at-a-glance"> & { facts: { label: string; value: string }[] })
  | (Base<"taxes"> & { taxes: NonNullable<AreaContent["taxes"]> })
  | (Base<"schools"> & { schools: NonNullable<AreaContent["schools"]> })
  | (Base<"walk-score"> & { walkScore: WalkScoreView })
  | (Base<"nearby-places"> & { places: PlacesView })
  | (Base<"listings"> & { listings: ListingCardData[]; total: number; searchHref: string })
  | Base<"valuation-cta">;

const DEFAULT_PLACE_TYPES = ["restaurant", "park", "school"];

async function loadModule(
  tenantId: string,
  area: AreaRef,
  key: WebsiteModuleKey,
  settings: ModuleSettings,
  keys: () => Promise<{ walkScoreApiKey: string | null; googlePlacesApiKey: string | null }>,
): Promise<AreaModuleView | null> {
  const title = settings.title ?? MODULE_LABELS[key];
  const { content } = area;
  const point = { latitude: area.latitude, longitude: area.longitude, address: `${area.name}, ${area.state}` };
  switch (key) {
    case "at-a-glance":
      return content.atAGlance?.facts.length ? { key, title, facts: content.atAGlance.facts } : null;
    case "taxes":
      return content.taxes && (content.taxes.millRate !== undefined || content.taxes.note) ? { key, title, taxes: content.taxes } : null;
    case "schools":
      return content.schools?.schools.length ? { key, title, schools: content.schools } : null;
    case "walk-score": {
      const walkScore = await loadWalkScore({ tenantId, point, apiKey: (await keys()).walkScoreApiKey, seeded: content.walkScore });
      return walkScore ? { key, title, walkScore } : null;
    }
    case "nearby-places": {
      const places = await loadNearbyPlaces({
        tenantId,
        point,
        apiKey: (await keys()).googlePlacesApiKey,
        types: settings.placeTypes ?? DEFAULT_PLACE_TYPES,
        seeded: content.nearbyPlaces,
      });
      return places ? { key, title, places } : null;
    }
    case "listings": {
      const filters = { town: area.townSlug, ...(area.neighborhoodSlug ? { neighborhood: area.neighborhoodSlug } : {}) };
      const result = await searchListings({ tenantId, filters, pageSize: settings.limit ?? 6 });
      const searchHref = `/homes?town=${encodeURIComponent(area.townSlug)}`;
      return { key, title: settings.title ?? `Homes for sale in ${area.name}`, listings: result.items, total: result.total, searchHref };
    }
    case "valuation-cta":
      return { key, title: settings.title ?? `What is your ${area.name} home worth?` };
  }
}

/**
 * The data of every module the tenant has switched on for this kind of page, in its order.
 * Modules that are off are not in `modules`, so nothing is loaded for them, and their
 * providers are never called. A module with nothing to show is left out.
 */
export async function loadAreaModules(options: { tenantId: string; area: AreaRef; modules: ModuleConfigData[] }): Promise<AreaModuleView[]> {
  let providerKeys: Promise<{ walkScoreApiKey: string | null; googlePlacesApiKey: string | null }> | undefined;
  const keys = () => (providerKeys ??= getProviderKeys({ tenantId: options.tenantId }));
  const views = await Promise.all(
    options.modules.filter((m) => m.enabled).map((m) => loadModule(options.tenantId, options.area, m.moduleKey, m.settings, keys)),
  );
  return views.filter((v): v is AreaModuleView => v !== null);
}
