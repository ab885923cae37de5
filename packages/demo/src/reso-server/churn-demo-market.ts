// What the demo MLS changes between two syncs (npm start's RESO server runs it once a minute): a
// few price cuts and a listing going under contract, now and then a new listing or a withdrawn
// one. Price cuts and contracts touch active listings, as at a real MLS, so a visitor's saved
// search of homes for sale hears of them.
import type { ResoStore } from "./reso-store";

export type DemoMarketChanges = { priceCuts: string[]; pending: string[]; added: string[]; removed: string[] };

/**
 * One round of changes on the store. `tick` counts the rounds from 1 (every 5th adds a listing,
 * every 7th withdraws one); `random` (default Math.random) picks the listings.
 */
export function churnDemoMarket(store: ResoStore, options: { tick: number; random?: () => number }): DemoMarketChanges {
  const random = options.random ?? Math.random;
  const changes: DemoMarketChanges = { priceCuts: [], pending: [], added: [], removed: [] };
  const active = store.keys().filter((k) => store.get(k)!.StandardStatus === "Active");
  const pickActive = () => active.splice(Math.floor(random() * active.length), 1)[0];
  for (let i = 0; i < 3; i++) {
    const key = pickActive();
    if (!key) break;
    const price = store.get(key)!.ListPrice as number;
    store.update(key, { ListPrice: Math.round((price * 0.97) / 1000) * 1000 });
    changes.priceCuts.push(key);
  }
  const contract = pickActive();
  if (contract) {
    store.update(contract, { StandardStatus: "Pending" });
    changes.pending.push(contract);
  }
  if (options.tick % 5 === 0) changes.added.push(...store.add(1));
  if (options.tick % 7 === 0) {
    const keys = store.keys();
    const gone = keys[Math.floor(random() * keys.length)];
    if (gone) {
      store.remove([gone]);
      changes.removed.push(gone);
    }
  }
  return changes;
}
