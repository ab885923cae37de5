import { PAGE_KINDS, WEBSITE_MODULE_KEYS, ZModuleSettings, ZWebsiteModuleKey } from "@real-estate/types";
import { z } from "zod";

export const ZPageKind = z.enum(PAGE_KINDS);

/** The whole module list of one page kind, in display order: every module exactly once. */
export const ZPageModulesInput = z
  .object({
    modules: z
      .array(z.object({ moduleKey: ZWebsiteModuleKey, enabled: z.boolean(), settings: ZModuleSettings.default({}) }).strict())
      .length(WEBSITE_MODULE_KEYS.length, `list all ${WEBSITE_MODULE_KEYS.length} modules`)
      .refine((list) => new Set(list.map((m) => m.moduleKey)).size === list.length, "each module once"),
  })
  .strict();
export type PageModulesInput = z.input<typeof ZPageModulesInput>;

export const ZModuleToggleInput = z.object({ moduleKey: ZWebsiteModuleKey, enabled: z.boolean() }).strict();
