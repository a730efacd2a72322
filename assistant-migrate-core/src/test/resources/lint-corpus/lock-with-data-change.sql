-- expect: lock-with-data-change
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN plan text;
UPDATE users SET plan = 'free';
