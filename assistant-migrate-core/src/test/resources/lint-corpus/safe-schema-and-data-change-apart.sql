-- expect: none
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN plan text;
-- next migration
UPDATE users SET plan = 'free' WHERE plan IS NULL;
