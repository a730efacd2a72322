ALTER TABLE community DROP CONSTRAINT community_name_key CASCADE;
