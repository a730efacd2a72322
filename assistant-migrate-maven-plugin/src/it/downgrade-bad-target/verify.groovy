import static dev.assistant.migrate.it.InvokerProject.verifyNoConnection

verifyNoConnection(basedir) { project, log ->
    assert log.contains("'1.2.x' is not a downgrade target: give -N")
    assert !log.contains('\tat ')
    assert project.history() == ['1', '2']
}
