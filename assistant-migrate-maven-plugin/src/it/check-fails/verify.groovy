import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    assert log =~ /Migration check failed: 2 findings in postgresql:\/\/\S+:\*\*\*\*@/
    assert log.contains('  - pending: V2 no undo (V2__no_undo.sql), irreversible')
    assert log.contains('  - V2__no_undo.sql: has no undo script (irreversible).')
    assert project.history() == ['1']
}
