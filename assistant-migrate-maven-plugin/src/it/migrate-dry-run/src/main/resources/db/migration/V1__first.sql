CREATE TABLE first (id integer PRIMARY KEY);
