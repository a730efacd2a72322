import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    assert log.contains('Applied V2 second')
    assert !log.contains('Applied V3')
    assert project.history() == ['1', '2']
}
