import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    assert !log.contains('[INFO]') : log
    assert !log.contains('[WARNING]') : log
    assert project.history() == ['1', '2']
}
