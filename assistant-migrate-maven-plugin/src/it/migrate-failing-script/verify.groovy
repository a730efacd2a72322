import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    assert log.contains('Migration V2__broken.sql failed and was rolled back; the database is at version 1 (first).')
    assert log =~ /File: +\S*V2__broken\.sql:3/
    assert log.contains('Statement: INSERT INTO broken VALUES (1)')
    assert log.contains('SQL state: 23505')
    assert log.contains('duplicate key value violates unique constraint "broken_pkey"')
    assert log.contains('Fix the script, then migrate again: `make migrate` (`mvn assistant-migrate:migrate`).')
    assert !log.contains('\tat ') : 'no stack trace at the default log level'
    assert project.history() == ['1']
    assert project.tables() == ['first']
}
