-- dateline store, schema version 3 (issue 12): every event, quote and claim says which rule made
-- it, so a user can ask "why is this ASSAULT?": a trigger lexicon row ("lexicon verb 'attack'"),
-- a boundary rule ("captured combatants -> ASSAULT abduct [noun 'capture']"), a quote rule
-- ("quotation marks"). NULL for rows stored before it.
ALTER TABLE events ADD COLUMN rule VARCHAR;
ALTER TABLE quotes ADD COLUMN rule VARCHAR;
ALTER TABLE claims ADD COLUMN rule VARCHAR;
