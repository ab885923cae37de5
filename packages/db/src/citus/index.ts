export { LOCAL_TABLES, MULTI_SHARD_QUERIES, REFERENCE_TABLES, TRIGGER_KEPT_TENANT_KEYS, type TablePlacement } from "./distribution-plan";
export {
  distributionStatements,
  planDistribution,
  type DistributionNote,
  type DistributionPlan,
  type DistributionProblem,
  type PlacedTable,
  type Placement,
} from "./plan-distribution";
