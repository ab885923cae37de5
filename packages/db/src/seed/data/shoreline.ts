// The second demo brokerage, on the North Shore of Massachusetts (Essex County). Different
// market, brand and module choices from Fairfield, so tenant isolation is visible.
import type { SeedTenant } from "./types";

export const SHORELINE_TENANT: SeedTenant = {
  slug: "shoreline",
  name: "Shoreline Coastal Realty (sample brokerage)",
  tagline: "Harbour towns of Massachusetts' North Shore",
  primaryColor: "#0f6e6e",
  accentColor: "#f26b3a",
  webHosts: ["shoreline.localhost"],
  crmHosts: ["crm.shoreline.localhost"],
  website: {
    siteTitle: "Shoreline Coastal Realty",
    heroHeadline: "Coastal living on the North Shore",
    heroSubheadline: "Sample brokerage for demonstration: harbour towns from Salem to Newburyport.",
    contactEmail: "hello@shoreline-coastal.example.com",
    contactPhone: "(978) 555-0100",
    officeAddress: "1 Example Wharf, Marblehead, MA 01945 (sample address)",
  },
  modules: {
    TOWN: [
      ["taxes", true, { title: "Property taxes (sample values)" }],
      ["at-a-glance", true, { title: "The town in brief" }],
      ["listings", true, { limit: 9 }],
      ["nearby-places", true, { placeTypes: ["restaurant", "park", "marina"] }],
      ["valuation-cta", true],
      ["schools", false],
      ["walk-score", false],
    ],
    NEIGHBORHOOD: [
      ["listings", true, { limit: 12 }],
      ["at-a-glance", true],
      ["taxes", true],
      ["nearby-places", true],
      ["valuation-cta", false],
      ["schools", false],
      ["walk-score", false],
    ],
  },
  state: "MA",
  county: "Essex County",
  areaCode: "978",
  listing: { keyPrefix: "SH", firstNumber: 200001, count: 224 },
  streets: [
    "Atlantic Avenue", "Harbor Street", "Ocean Avenue", "Bay View Road", "Lighthouse Lane", "Granite Street",
    "Front Street", "High Street", "Washington Street", "Summer Street", "Pleasant Street", "Salt Marsh Lane",
    "Essex Street", "Beach Road", "Pine Street", "Chestnut Street", "Seaview Avenue", "Captains Row",
    "Ledge Road", "Mariners Way", "Cove Lane", "Pond Street", "Hale Street", "Water Street",
  ],
  otherOffices: ["Sample Harbor Realty", "Cape Ann Example Properties", "North Shore Sample Partners"],
  transitNote: "MBTA Newburyport/Rockport commuter rail area",
  towns: [
    {
      slug: "marblehead", name: "Marblehead", postalCode: "01945", latitude: 42.5001, longitude: -70.8578,
      typicalPrice: 1_300_000, listingWeight: 5,
      description: "Marblehead is a harbour town known for sailing, with a historic Old Town of narrow streets.",
      neighborhoods: [
        { slug: "old-town", name: "Old Town", latitude: 42.502, longitude: -70.849, description: "The historic streets around Marblehead Harbor." },
        { slug: "marblehead-neck", name: "Marblehead Neck", latitude: 42.493, longitude: -70.838, description: "A rocky peninsula across the harbour from Old Town." },
        { slug: "clifton", name: "Clifton", latitude: 42.488, longitude: -70.878, description: "Clifton lies along the shore towards Swampscott." },
      ],
    },
    {
      slug: "salem", name: "Salem", postalCode: "01970", latitude: 42.5195, longitude: -70.8967,
      typicalPrice: 650_000, listingWeight: 6,
      description: "Salem is a historic seaport city with a walkable downtown and waterfront.",
      neighborhoods: [
        { slug: "salem-willows", name: "Salem Willows", latitude: 42.535, longitude: -70.87, description: "A seaside neighbourhood around the Willows park." },
        { slug: "mcintire-district", name: "McIntire District", latitude: 42.521, longitude: -70.901, description: "Streets of older houses west of downtown Salem." },
        { slug: "south-salem", name: "South Salem", latitude: 42.505, longitude: -70.89, description: "A residential area south of downtown, near the university." },
      ],
    },
    {
      slug: "beverly", name: "Beverly", postalCode: "01915", latitude: 42.5584, longitude: -70.88,
      typicalPrice: 800_000, listingWeight: 5,
      description: "Beverly is a coastal city with beaches, a downtown along Cabot Street and commuter rail service.",
      neighborhoods: [
        { slug: "beverly-farms", name: "Beverly Farms", latitude: 42.563, longitude: -70.81, description: "A village in the east of Beverly with its own station." },
        { slug: "prides-crossing", name: "Prides Crossing", latitude: 42.559, longitude: -70.83, postalCode: "01965", description: "A quiet shoreline area between Beverly Farms and the city." },
        { slug: "ryal-side", name: "Ryal Side", latitude: 42.565, longitude: -70.9, description: "A residential area on the Bass River." },
      ],
    },
    {
      slug: "gloucester", name: "Gloucester", postalCode: "01930", latitude: 42.6159, longitude: -70.662,
      typicalPrice: 750_000, listingWeight: 5,
      description: "Gloucester is a working fishing port on Cape Ann with harbours, beaches and artists' neighbourhoods.",
      neighborhoods: [
        { slug: "east-gloucester", name: "East Gloucester", latitude: 42.61, longitude: -70.645, description: "The east side of the harbour, near Rocky Neck." },
        { slug: "annisquam", name: "Annisquam", latitude: 42.655, longitude: -70.68, description: "A village on the Annisquam River in the north of Gloucester." },
        { slug: "lanesville", name: "Lanesville", latitude: 42.675, longitude: -70.66, description: "A quiet village on Cape Ann's northern shore." },
      ],
    },
    {
      slug: "rockport", name: "Rockport", postalCode: "01966", latitude: 42.6556, longitude: -70.6203,
      typicalPrice: 950_000, listingWeight: 3,
      description: "Rockport is a small town at the tip of Cape Ann, known for Bearskin Neck and its harbour.",
      neighborhoods: [
        { slug: "downtown-rockport", name: "Downtown Rockport", latitude: 42.657, longitude: -70.614, description: "The harbour, Bearskin Neck and the streets around them." },
        { slug: "pigeon-cove", name: "Pigeon Cove", latitude: 42.675, longitude: -70.625, description: "A village in the north of Rockport." },
      ],
    },
    {
      slug: "newburyport", name: "Newburyport", postalCode: "01950", latitude: 42.8126, longitude: -70.8773,
      typicalPrice: 1_000_000, listingWeight: 4,
      description: "Newburyport is a historic city at the mouth of the Merrimack River with a brick downtown.",
      neighborhoods: [
        { slug: "downtown-newburyport", name: "Downtown Newburyport", latitude: 42.812, longitude: -70.872, description: "The brick downtown and the streets near the river." },
        { slug: "south-end", name: "South End", latitude: 42.805, longitude: -70.865, description: "Older houses along High Street and the streets below it." },
        { slug: "plum-island", name: "Plum Island", latitude: 42.775, longitude: -70.815, description: "Beach houses on the barrier island." },
      ],
    },
  ],
};
