import static dev.assistant.migrate.it.InvokerProject.verifyNoConnection

verifyNoConnection(basedir) { project, log ->
    assert log.contains("(postgresql://db.example/the_assistant) is not valid: the port is not a number between 1 and 65535")
    assert !log.contains('someone')
    assert !log.contains('S3cr3t-pw')
    assert !log.contains('\tat ')
}
