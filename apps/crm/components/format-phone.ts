/** Phone numbers as people read them, for server-rendered pages and actions. */
import { LRUCache } from "lru-cache";
import { formatPhone as formatStoredPhone } from "@real-estate/types";

/** Numbers formatted and remembered per process, the least recently used forgotten past this many. */
const formattedPhones = new LRUCache<string, string>({ max: 5_000 });

/**
 * A stored E.164 number as people read it: national format in the brokerage's country, else
 * international, with its extension. Remembered per process: parsing and formatting with the full
 * metadata was a measurable part of rendering a list of tasks with their people's numbers.
 */
export function formatPhone(phone: string | null, options: { extension?: string | null; homeCountry?: string } = {}): string {
  if (!phone) return "";
  const key = `${phone}\u0000${options.extension ?? ""}\u0000${options.homeCountry ?? ""}`;
  let text = formattedPhones.get(key);
  if (text === undefined) {
    text = formatStoredPhone(phone, options);
    formattedPhones.set(key, text);
  }
  return text;
}
