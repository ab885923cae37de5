import { z } from "zod";

const ZOpenHouses = z.array(z.object({ start: z.string(), end: z.string().optional(), remarks: z.string().max(500).optional() })).max(50);
export type OpenHouse = z.infer<typeof ZOpenHouses>[number];

/** Upcoming open houses as stored; anything malformed reads as none. */
export function parseOpenHouses(value: unknown, now = Date.now()): OpenHouse[] {
  const parsed = ZOpenHouses.safeParse(value);
  if (!parsed.success) return [];
  return parsed.data.filter((o) => Date.parse(o.end ?? o.start) >= now).sort((a, b) => a.start.localeCompare(b.start));
}
