import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    assert log.contains('Dry run: would undo 2 migrations')
    assert log.contains('from version 3 to version 1')
    assert log.contains('DROP TABLE third;')
    assert log.contains('DROP TABLE second;')
    assert log.contains('Nothing was changed.')
    assert project.history() == ['1', '2', '3']
}
