-- expect: access-exclusive
SET lock_timeout = '5s';
LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE;
ALTER TABLE audit_log ADD COLUMN at timestamptz;
