-- expect: missing-lock-timeout
ALTER TABLE users ADD COLUMN nickname text;
