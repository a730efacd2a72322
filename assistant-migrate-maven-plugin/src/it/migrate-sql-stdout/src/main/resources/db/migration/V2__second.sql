CREATE TABLE second (id integer PRIMARY KEY, first_id integer REFERENCES first (id));
