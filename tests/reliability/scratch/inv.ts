import { buildRouteInventory } from "../src/inventory/route-inventory";
console.log(JSON.stringify(buildRouteInventory(), null, 1));
