-- expect: table-rewrite
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT clock_timestamp();
