import static dev.assistant.migrate.it.InvokerProject.verifyNoConnection

verifyNoConnection(basedir) { project, log ->
    assert log.contains('Skipping migrate: assistant.skip is set.')
    assert project.history() == []
    assert project.tables() == []
}
