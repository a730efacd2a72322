CREATE TABLE tags (id integer PRIMARY KEY);
CREATE INDEX ix_tags_id ON tags (id);
CREATE TABLE tag_names (name text);
