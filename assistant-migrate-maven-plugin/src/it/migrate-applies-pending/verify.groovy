import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    assert log =~ /\[INFO\] Applied V1 first \(\d+ ms, V1__first\.sql\)/
    assert log =~ /\[INFO\] Applied V2 second \(\d+ ms, V2__second\.sql\)/
    assert log.indexOf('Applied V1 first') < log.indexOf('Applied V2 second')
    assert log.contains('Now at version 2 (second)')
    assert log.contains('postgresql://') && log.contains(':****@')
    def goalOutput = log.substring(log.indexOf('--- assistant-migrate'), log.indexOf('BUILD SUCCESS'))
    assert !goalOutput.contains('\u001B') : 'batch output carries no escape codes'
    assert goalOutput.readLines().every { it.startsWith('[INFO] ') || it.startsWith('--- ') } : 'only Maven log lines, no library logging on stderr'
    assert project.history() == ['1', '2']
    assert project.tables() == ['first', 'second']
}
