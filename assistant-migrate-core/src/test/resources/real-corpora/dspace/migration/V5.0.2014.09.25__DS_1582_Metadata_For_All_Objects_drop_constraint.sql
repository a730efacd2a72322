ALTER TABLE metadatavalue DROP CONSTRAINT metadatavalue_item_id_fkey CASCADE;
