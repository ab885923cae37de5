export { LOCAL_TABLES, MULTI_SHARD_QUERIES, REFERENCE_TABLES, type TablePlacement } from "./distribution-plan";
export {
  distributionStatements,
  planDistribution,
  type DistributionPlan,
  type DistributionProblem,
  type PlacedTable,
  type Placement,
} from "./plan-distribution";
