// The Fairfield County, Connecticut demo brokerage. Town descriptions are short and general;
// every figure shown on the site (tax rates, scores, schools) is generated and labelled sample.
import type { SeedTenant } from "./types";

export const FAIRFIELD_TENANT: SeedTenant = {
  slug: "fairfield",
  name: "Fairfield County Homes (sample brokerage)",
  tagline: "Homes across Fairfield County, Connecticut",
  primaryColor: "#17375e",
  accentColor: "#d4a017",
  webHosts: ["fairfield.localhost", "localhost"],
  crmHosts: ["crm.fairfield.localhost", "crm.localhost"],
  website: {
    siteTitle: "Fairfield County Homes",
    heroHeadline: "Find your place in Fairfield County",
    heroSubheadline: "Sample brokerage for demonstration: shoreline towns, village centres and quiet back roads.",
    contactEmail: "hello@fairfield-homes.example.com",
    contactPhone: "(203) 555-0100",
    officeAddress: "100 Sample Street, Fairfield, CT 06824 (sample address)",
  },
  modules: {
    TOWN: [
      ["at-a-glance", true],
      ["schools", true, { title: "Schools (sample data)" }],
      ["walk-score", true],
      ["taxes", true, { title: "Property taxes (sample values)" }],
      ["listings", true, { limit: 6 }],
      ["nearby-places", true, { placeTypes: ["restaurant", "park", "school"] }],
      ["valuation-cta", true],
    ],
    NEIGHBORHOOD: [
      ["at-a-glance", true],
      ["listings", true, { limit: 6 }],
      ["walk-score", true],
      ["schools", true, { title: "Nearby schools (sample data)" }],
      ["nearby-places", true],
      ["taxes", false],
      ["valuation-cta", true],
    ],
  },
  state: "CT",
  county: "Fairfield County",
  areaCode: "203",
  listing: { keyPrefix: "FF", firstNumber: 100001, count: 240 },
  streets: [
    "Old Post Road", "Maple Avenue", "Hillside Road", "Harbor Road", "Meadow Lane", "Cedar Lane",
    "Orchard Lane", "Mill Pond Road", "Ridge Road", "Beach Road", "Church Hill Road", "Wildwood Lane",
    "Stonewall Lane", "Cove Road", "Highland Avenue", "Fairview Avenue", "Willow Brook Lane",
    "Sunset Terrace", "Elm Street", "Oak Street", "Spring Street", "Long Lots Road", "Birch Road",
    "Valley Road", "Shore Road", "Farm Hill Road", "Pine Ridge Road", "Brookside Drive",
  ],
  otherOffices: ["Sample Realty Group", "Long Island Sound Properties (sample)", "Example Partners Real Estate"],
  transitNote: "Metro-North New Haven Line area",
  towns: [
    {
      slug: "fairfield", name: "Fairfield", postalCode: "06824", latitude: 41.1412, longitude: -73.2637,
      typicalPrice: 950_000, listingWeight: 5,
      description: "Fairfield is a coastal town on Long Island Sound with beaches, a lively town centre and a wide mix of homes.",
      neighborhoods: [
        { slug: "southport", name: "Southport", latitude: 41.135, longitude: -73.286, postalCode: "06890", description: "Southport is a historic harbour village within Fairfield." },
        { slug: "greenfield-hill", name: "Greenfield Hill", latitude: 41.18, longitude: -73.285, description: "Greenfield Hill is a quiet, hilly part of Fairfield with larger lots." },
        { slug: "stratfield", name: "Stratfield", latitude: 41.19, longitude: -73.225, description: "Stratfield sits in the north-east of Fairfield, near the Bridgeport line." },
      ],
    },
    {
      slug: "westport", name: "Westport", postalCode: "06880", latitude: 41.1415, longitude: -73.3579,
      typicalPrice: 1_900_000, listingWeight: 4,
      description: "Westport is a coastal town on Long Island Sound along the Saugatuck River, known for Compo Beach.",
      neighborhoods: [
        { slug: "saugatuck", name: "Saugatuck", latitude: 41.119, longitude: -73.371, description: "Saugatuck is the riverside area around Westport's train station." },
        { slug: "greens-farms", name: "Greens Farms", latitude: 41.125, longitude: -73.32, description: "Greens Farms lies along the shore in the east of Westport." },
        { slug: "compo-beach", name: "Compo Beach", latitude: 41.11, longitude: -73.35, description: "The streets around Compo Beach, Westport's town beach." },
      ],
    },
    {
      slug: "greenwich", name: "Greenwich", postalCode: "06830", latitude: 41.0262, longitude: -73.6282,
      typicalPrice: 2_800_000, listingWeight: 4,
      description: "Greenwich is the south-westernmost town in Connecticut, on Long Island Sound, with the Greenwich Avenue shopping district.",
      neighborhoods: [
        { slug: "old-greenwich", name: "Old Greenwich", latitude: 41.034, longitude: -73.567, postalCode: "06870", description: "Old Greenwich is a village on the eastern shore of Greenwich." },
        { slug: "riverside", name: "Riverside", latitude: 41.034, longitude: -73.583, postalCode: "06878", description: "Riverside lies between Cos Cob and Old Greenwich, along the Sound." },
        { slug: "cos-cob", name: "Cos Cob", latitude: 41.035, longitude: -73.598, postalCode: "06807", description: "Cos Cob is a harbour village on the Mianus River." },
      ],
    },
    {
      slug: "stamford", name: "Stamford", postalCode: "06901", latitude: 41.0534, longitude: -73.5387,
      typicalPrice: 750_000, listingWeight: 5,
      description: "Stamford is a city on Long Island Sound with a large downtown and a major rail station.",
      neighborhoods: [
        { slug: "shippan", name: "Shippan", latitude: 41.036, longitude: -73.53, postalCode: "06902", description: "Shippan is a peninsula on the Sound, south of downtown Stamford." },
        { slug: "north-stamford", name: "North Stamford", latitude: 41.14, longitude: -73.545, postalCode: "06903", description: "North Stamford is wooded and residential, with larger lots." },
        { slug: "springdale", name: "Springdale", latitude: 41.085, longitude: -73.52, postalCode: "06907", description: "Springdale is a neighbourhood with its own small rail stop." },
      ],
    },
    {
      slug: "norwalk", name: "Norwalk", postalCode: "06851", latitude: 41.1177, longitude: -73.4082,
      typicalPrice: 700_000, listingWeight: 5,
      description: "Norwalk is a city on Long Island Sound with the harbour-side SoNo district and the Norwalk Islands offshore.",
      neighborhoods: [
        { slug: "rowayton", name: "Rowayton", latitude: 41.068, longitude: -73.445, postalCode: "06853", description: "Rowayton is a waterfront village in the south-west of Norwalk." },
        { slug: "east-norwalk", name: "East Norwalk", latitude: 41.104, longitude: -73.4, postalCode: "06855", description: "East Norwalk lies near Calf Pasture Beach and the harbour." },
        { slug: "silvermine", name: "Silvermine", latitude: 41.16, longitude: -73.44, postalCode: "06850", description: "Silvermine is a wooded area known for its arts centre." },
      ],
    },
    {
      slug: "darien", name: "Darien", postalCode: "06820", latitude: 41.0787, longitude: -73.4693,
      typicalPrice: 2_100_000, listingWeight: 3,
      description: "Darien is a small coastal town between Stamford and Norwalk, with two rail stations.",
      neighborhoods: [
        { slug: "noroton", name: "Noroton", latitude: 41.065, longitude: -73.48, description: "Noroton lies along the shore in the south-west of Darien." },
        { slug: "tokeneke", name: "Tokeneke", latitude: 41.055, longitude: -73.49, description: "Tokeneke is a shoreline area of winding private roads." },
      ],
    },
    {
      slug: "new-canaan", name: "New Canaan", postalCode: "06840", latitude: 41.1468, longitude: -73.4948,
      typicalPrice: 1_800_000, listingWeight: 3,
      description: "New Canaan is a town with a walkable village centre at the end of a rail branch line.",
      neighborhoods: [
        { slug: "town-center", name: "Town Center", latitude: 41.147, longitude: -73.495, description: "Homes within walking distance of New Canaan's shops and station." },
        { slug: "oenoke-ridge", name: "Oenoke Ridge", latitude: 41.17, longitude: -73.5, description: "Oenoke Ridge runs north from the village through country roads." },
      ],
    },
    {
      slug: "ridgefield", name: "Ridgefield", postalCode: "06877", latitude: 41.2815, longitude: -73.4982,
      typicalPrice: 1_000_000, listingWeight: 3,
      description: "Ridgefield is a town in northern Fairfield County with a historic Main Street and wooded back roads.",
      neighborhoods: [
        { slug: "ridgefield-village", name: "Ridgefield Village", latitude: 41.281, longitude: -73.498, description: "The village around Main Street." },
        { slug: "branchville", name: "Branchville", latitude: 41.268, longitude: -73.441, postalCode: "06829", description: "Branchville is a hamlet in the south-east of Ridgefield with a rail stop." },
        { slug: "titicus", name: "Titicus", latitude: 41.305, longitude: -73.53, description: "Titicus is a rural area in the north of Ridgefield." },
      ],
    },
  ],
};
