CREATE TABLE second (id integer PRIMARY KEY, note text DEFAULT '${flyway:user}');
