-- expect: none
CREATE TABLE invoices (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), total numeric);
CREATE INDEX invoices_user ON invoices (user_id);
ALTER TABLE invoices ADD CONSTRAINT invoices_total CHECK (total >= 0);
