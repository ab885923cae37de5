-- Feeds stored before open houses existed (migration 20261203111221_open_houses) kept the
-- resources of that time, Property, Media, Member and Office, and replicated no OpenHouse until an
-- operator edited them. Every feed lacking it replicates it from now on (decision 0046). An
-- operator who does not want it takes it off again in the studio.
UPDATE "Feed"
SET "resources" = array_append("resources", 'OpenHouse')
WHERE 'Property' = ANY ("resources")
  AND NOT ('OpenHouse' = ANY ("resources"));
