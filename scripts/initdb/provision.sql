-- What the project's defaults and its tests need on a PostgreSQL server. Run by a superuser: `make db-up` runs it on
-- this machine's server; the postgres image of docker-compose.yml runs it on its first start (docker-entrypoint-initdb.d)
-- and `make db-up` again on every start. It adds what is missing and leaves everything else as it is, so running it
-- again changes nothing.
--
--   temporal / temporal              owner of the developer database; may create the shadow databases of autogenerate
--   the_assistant                    the developer database (make migrate, make migration-*)
--   assistant_test / assistant_test  the tests' administrator: a scratch database and role per test class
\set ON_ERROR_STOP on

SELECT 'CREATE ROLE temporal LOGIN CREATEDB PASSWORD ''temporal'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'temporal') \gexec
SELECT 'ALTER ROLE temporal LOGIN CREATEDB'
FROM pg_roles WHERE rolname = 'temporal' AND NOT (rolcanlogin AND rolcreatedb) \gexec

SELECT 'CREATE ROLE assistant_test LOGIN CREATEDB CREATEROLE PASSWORD ''assistant_test'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'assistant_test') \gexec
SELECT 'ALTER ROLE assistant_test LOGIN CREATEDB CREATEROLE'
FROM pg_roles WHERE rolname = 'assistant_test' AND NOT (rolcanlogin AND rolcreatedb AND rolcreaterole) \gexec

SELECT 'CREATE DATABASE the_assistant OWNER temporal'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'the_assistant') \gexec
