CREATE INDEX CONCURRENTLY ix_first_code ON first (code);
