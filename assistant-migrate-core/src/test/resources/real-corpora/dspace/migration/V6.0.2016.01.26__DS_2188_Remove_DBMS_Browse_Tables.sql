DROP TABLE IF EXISTS communities2item CASCADE;
DROP SEQUENCE IF EXISTS communities2item_seq;
DROP TABLE IF EXISTS community_item_count CASCADE;
DROP TABLE IF EXISTS collection_item_count CASCADE;
