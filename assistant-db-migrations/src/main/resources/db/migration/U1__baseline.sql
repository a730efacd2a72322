-- Undoes V1__baseline.sql: drops The Assistant's tables, children before their parent.
-- Destroys every row in them.

DROP TABLE countdowns;
DROP TABLE tasks;
DROP TABLE third_party_accounts;
DROP TABLE user_settings;
DROP TABLE users;
