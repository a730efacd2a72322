import dev.assistant.migrate.it.InvokerProject

def project = InvokerProject.of(basedir)
try {
    def log = project.log()
    assert !log.contains(project.password()) || project.password() == project.settings().user()
    assert log =~ /Undid V3 third \(\d+ ms, U3__third\.sql\)/
    assert log.contains('Now at version 2 (second)')
    assert project.history() == ['1', '2']
    assert project.tables() == ['first', 'second']
    project.migrate('latest')
    assert project.history() == ['1', '2', '3']
} finally {
    project.drop()
}
