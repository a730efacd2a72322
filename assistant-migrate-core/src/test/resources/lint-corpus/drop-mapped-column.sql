-- expect: drop-mapped
SET lock_timeout = '5s';
ALTER TABLE users DROP COLUMN bio;
