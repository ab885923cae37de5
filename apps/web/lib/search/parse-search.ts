// The search page's parser lives with the listings (saved searches use the same one).
export { parseSearch, type ParsedSearch, type SearchContext } from "@real-estate/sites";
