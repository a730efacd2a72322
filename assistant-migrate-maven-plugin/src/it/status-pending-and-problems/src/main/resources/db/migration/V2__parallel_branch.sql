CREATE TABLE parallel (id int);
