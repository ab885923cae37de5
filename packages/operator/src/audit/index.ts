export * from "./record-operator-action";
export * from "./list-operator-actions";
