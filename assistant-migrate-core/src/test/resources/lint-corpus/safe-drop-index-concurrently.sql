-- expect: none
DROP INDEX CONCURRENTLY orders_note;
