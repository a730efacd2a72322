import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    assert log.contains('Undid V3 third')
    assert log.contains('Undid V2 second')
    assert log.indexOf('Undid V3') < log.indexOf('Undid V2')
    assert project.history() == ['1']
}
