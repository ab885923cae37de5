import { unknownApiPath } from "../lib/api-route";

export const dynamic = "force-dynamic";

/** Any `/api/…` path no route serves: 404 `not_found` as JSON, for every method (OPTIONS and HEAD too: nothing is served there). */
export {
  unknownApiPath as GET,
  unknownApiPath as HEAD,
  unknownApiPath as POST,
  unknownApiPath as PUT,
  unknownApiPath as PATCH,
  unknownApiPath as DELETE,
  unknownApiPath as OPTIONS,
};
