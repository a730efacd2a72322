-- expect: none
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN full_name varchar(255);
-- next migration
UPDATE users SET full_name = name WHERE full_name IS NULL;
