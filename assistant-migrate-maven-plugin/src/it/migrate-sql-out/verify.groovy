import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    def script = new File(basedir, 'target/sql/migrate.sql')
    assert log.contains('[INFO] Wrote the migration script of 2 migrations for postgresql://')
    assert log.contains('to ' + script.canonicalPath + '; nothing was applied:')
    assert log =~ /\[INFO\]   psql -X -v ON_ERROR_STOP=1 -h \S+ -p \d+ -U \S+ -d \S+ -f \Q${script.canonicalPath}\E/
    assert !log.contains('Applied V')

    // the database is as it was: nothing applied, nothing recorded
    assert project.history() == ['1']
    assert project.tables() == ['first']

    def text = script.text
    assert text.startsWith('-- Migration script written by assistant-migrate ')
    assert text.contains('-- From version 1 (first) to version 3 (second): 2 migrations to apply:')
    assert text.contains('-- Not with psql -1 (--single-transaction): V2__code_index.sql must run outside a')
    assert text.contains("'2', 'code index', 'SQL', 'V2__code_index.sql'")
    assert text.contains("DEFAULT '" + project.settings().user() + "'") : 'placeholders are filled in'
    assert !text.contains(project.settings().password())

    // and the script, run by psql, does what migrate would have done
    project.psql(script.toPath())
    assert project.history() == ['1', '2', '3']
    assert project.tables() == ['first', 'second']
    assert project.strings("SELECT indexname FROM pg_indexes WHERE indexname = 'ix_first_code'") == ['ix_first_code']
}
