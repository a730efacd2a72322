-- expect: validation-under-lock
SET lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN name SET NOT NULL;
