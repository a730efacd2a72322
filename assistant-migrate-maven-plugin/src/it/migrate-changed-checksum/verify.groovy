import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    assert log.contains('migrate stopped before changing anything')
    assert log.contains('V1__first.sql: changed after it was applied')
    assert log.contains('git log -p -- V1__first.sql')
    assert project.history() == ['1']
    assert project.tables() == ['first']
}
