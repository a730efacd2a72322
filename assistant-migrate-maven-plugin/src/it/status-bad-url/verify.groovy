import static dev.assistant.migrate.it.InvokerProject.verifyNoConnection

verifyNoConnection(basedir) { project, log ->
    assert log.contains("is not valid: the port '54x2' is not a number between 1 and 65535")
    assert log.contains('postgresql://someone:****@db.example:54x2/the_assistant')
    assert !log.contains('S3cr3t-pw')
    assert !log.contains('\tat ')
}
