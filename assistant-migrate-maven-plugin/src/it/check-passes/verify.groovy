import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    assert log.contains('BUILD SUCCESS')
    assert !log.contains('[ERROR]')
    assert !log.contains('[WARNING]')
}
