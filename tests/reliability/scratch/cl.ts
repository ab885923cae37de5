import { startThrowawayCluster } from "../src/cluster/throwaway-cluster";
const t0 = Date.now();
const c = await startThrowawayCluster();
console.log("up", c.port, Date.now() - t0);
await c.restartImmediate();
console.log("restarted", Date.now() - t0);
await c.destroy();
console.log("destroyed", Date.now() - t0);
