-- expect: non-concurrent-index
CREATE INDEX users_email ON users (email);
