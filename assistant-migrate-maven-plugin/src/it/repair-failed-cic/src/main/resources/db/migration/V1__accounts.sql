CREATE TABLE accounts (id integer PRIMARY KEY, email text);
INSERT INTO accounts VALUES (1, 'a@example.com'), (2, 'a@example.com');
