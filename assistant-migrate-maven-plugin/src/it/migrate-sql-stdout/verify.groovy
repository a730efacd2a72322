import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    def goalOutput = log.substring(log.indexOf('Finished pre-build script'))
    assert !goalOutput.contains('[INFO]') : log
    assert !goalOutput.contains('[WARNING]') : log
    def script = log.substring(log.indexOf('-- Migration script written by assistant-migrate '),
            log.indexOf('Running post-build script'))
    assert script.contains('-- From no migration applied to version 2 (second): 2 migrations to apply:')
    assert script.contains('\\set ON_ERROR_STOP on')
    assert script.contains('-- psql -1 (--single-transaction) works too')
    assert script.contains("'2', 'second', 'SQL', 'V2__second.sql'")
    assert script.trim().endsWith('-- Done: version 2 (second).')

    // assistant.sqlOut without assistant.dryRun is a dry run all the same: no history table, no table
    assert project.history() == []
    assert project.tables() == []

    // what went to standard output is the script itself
    def file = new File(basedir, 'from-stdout.sql')
    file.text = script
    project.psql(file.toPath())
    assert project.history() == ['1', '2']
    assert project.tables() == ['first', 'second']
}
