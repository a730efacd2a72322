-- expect: none
SET lock_timeout = '5s';
ALTER TABLE audit_log ADD COLUMN at timestamptz;
