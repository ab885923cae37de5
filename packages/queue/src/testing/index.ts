/** Test factories for the queue's and its consumers' tests; never imported by runtime code. */
export { leadSubmitted, valuationRequested } from "./website-events";
