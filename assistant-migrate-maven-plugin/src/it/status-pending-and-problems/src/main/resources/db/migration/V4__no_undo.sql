CREATE TABLE no_undo (id int);
