CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255) NOT NULL, name varchar(255), age integer,
    bio varchar(50), legacy_code text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL, amount numeric(10, 2), note text);
CREATE TABLE audit_log (id bigint PRIMARY KEY, entry text);
CREATE INDEX orders_note ON orders (note);
CREATE MATERIALIZED VIEW order_totals AS SELECT user_id, sum(amount) AS total FROM orders GROUP BY user_id;
CREATE UNIQUE INDEX order_totals_user ON order_totals (user_id);
