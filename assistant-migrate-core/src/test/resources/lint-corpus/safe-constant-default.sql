-- expect: none
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';
ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
