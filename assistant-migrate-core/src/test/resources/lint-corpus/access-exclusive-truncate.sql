-- expect: access-exclusive
SET lock_timeout = '5s';
TRUNCATE audit_log;
