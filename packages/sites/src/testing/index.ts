/** Test helpers for the sites package's and its consumers' tests; never imported by runtime code. */
export { PNG_SIGNATURE, pngDeclaring } from "./png";
