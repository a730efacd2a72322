-- expect: none
SET LOCAL lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text;
DROP INDEX orders_note;
