import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    assert log =~ /Undid V3 third \(\d+ ms, U3__third\.sql\)/
    assert log.contains('Now at version 2 (second)')
    assert project.history() == ['1', '2']
    assert project.tables() == ['first', 'second']
    project.migrate('latest')
    assert project.history() == ['1', '2', '3']
}
