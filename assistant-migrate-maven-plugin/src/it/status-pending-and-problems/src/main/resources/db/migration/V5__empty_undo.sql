CREATE TABLE empty_undo (id int);
