-- expect: none
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
-- next migration
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
