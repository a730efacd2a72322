-- expect: none
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_name_not_null CHECK (name IS NOT NULL) NOT VALID;
-- next migration
ALTER TABLE users VALIDATE CONSTRAINT users_name_not_null;
-- next migration
SET lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN name SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_name_not_null;
