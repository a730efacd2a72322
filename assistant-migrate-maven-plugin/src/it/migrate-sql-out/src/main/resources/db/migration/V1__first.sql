CREATE TABLE first (id integer PRIMARY KEY, code integer);
