// Fairfield's town as the area modules see it, with the sample values shown when a provider has
// no answer, and the TOWN module list the provider suites enable.
import type { ModuleConfigData, WebsiteModuleKey } from "@real-estate/types";
import type { AreaRef } from "@/lib/providers/area-modules";

export const FAIRFIELD_AREA: AreaRef = {
  name: "Fairfield",
  state: "CT",
  townSlug: "fairfield",
  latitude: 41.1408,
  longitude: -73.2613,
  content: {
    walkScore: { walk: 62, transit: 35, bike: 48, isSample: true },
    nearbyPlaces: { places: [{ name: "Town Green (sample)", kind: "Park" }], isSample: true },
    atAGlance: { facts: [{ label: "Population (sample)", value: "61,000" }] },
  },
};

/** The town page's modules, enabled, in the order given. */
export const townModules = (...keys: WebsiteModuleKey[]): ModuleConfigData[] =>
  keys.map((moduleKey, sortOrder) => ({ pageKind: "TOWN", moduleKey, enabled: true, sortOrder, settings: {} }));
