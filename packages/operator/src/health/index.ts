export * from "./health-thresholds";
export * from "./throughput-series";
export * from "./get-ingestion-overview";
