import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    assert log.contains('Cannot downgrade to base: V3 (third), V1 (first) have no undo script. Nothing was changed.')
    assert log.contains('U3__third.sql, U1__first.sql')
    assert project.history() == ['1', '2', '3']
    assert project.tables() == ['first', 'second', 'third']
}
