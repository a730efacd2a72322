-- expect: invalid-allow, table-rewrite
SET lock_timeout = '5s';
-- assistant:allow table-rewrite
ALTER TABLE users ALTER COLUMN age TYPE bigint;
