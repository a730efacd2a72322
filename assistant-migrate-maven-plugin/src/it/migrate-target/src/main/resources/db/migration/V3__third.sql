CREATE TABLE third (id integer PRIMARY KEY);
