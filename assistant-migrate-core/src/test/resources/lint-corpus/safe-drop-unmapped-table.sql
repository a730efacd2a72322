-- expect: none
SET lock_timeout = '5s';
DROP TABLE audit_log;
