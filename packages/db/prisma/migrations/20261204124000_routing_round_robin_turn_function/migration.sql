-- A round robin's turn in one call (decision 0057): locks the rule's row by bumping its turn
-- counter, then picks the available member who has waited longest and marks their turn. Called
-- from inside the statement that also writes the lead's assignment and the new-lead alert, so
-- the rule stays locked from this call to the commit without waiting on the client in between.
-- Each statement of a VOLATILE function takes its own snapshot under READ COMMITTED, so the pick
-- runs after the lock is granted and sees the previous holder's committed turn (one plain
-- statement would pick from a snapshot taken before waiting). No row: the rule is gone, or
-- nobody is available (every member away): the lead goes to the pond.
-- The migration runner splits scripts at every semicolon, so the body writes them as \073.
CREATE FUNCTION routing_round_robin_turn(p_tenant uuid, p_rule uuid)
  RETURNS TABLE (member_id uuid, member_name text, recipient_name text, recipient_email text)
  LANGUAGE plpgsql VOLATILE AS E'
DECLARE
  v_turn integer\073
BEGIN
  UPDATE "RoutingRule" SET turns = turns + 1 WHERE "tenantId" = p_tenant AND id = p_rule RETURNING turns INTO v_turn\073
  IF v_turn IS NULL THEN
    RETURN\073
  END IF\073
  SELECT m."membershipId", u.name, COALESCE(NULLIF(btrim(tm."displayName"), \'\'), u.name), lower(btrim(u.email))
    INTO member_id, member_name, recipient_name, recipient_email
    FROM "RoutingRuleMember" m
    JOIN "TenantMembership" tm ON tm."tenantId" = m."tenantId" AND tm.id = m."membershipId"
    JOIN "user" u ON u.id = tm."userId"
   WHERE m."tenantId" = p_tenant AND m."ruleId" = p_rule AND NOT tm.away
   ORDER BY m."lastTurn", m.position, m."membershipId"
   LIMIT 1\073
  IF member_id IS NULL THEN
    RETURN\073
  END IF\073
  UPDATE "RoutingRuleMember" SET "lastTurn" = v_turn
   WHERE "tenantId" = p_tenant AND "ruleId" = p_rule AND "membershipId" = member_id\073
  RETURN NEXT\073
END ';
