import dev.assistant.migrate.it.InvokerProject

def project = InvokerProject.of(basedir)
try {
    def log = project.log()
    assert !log.contains(project.password()) || project.password() == project.settings().user()
    assert log.contains('Undid V3 third')
    assert log.contains('Undid V2 second')
    assert log.indexOf('Undid V3') < log.indexOf('Undid V2')
    assert project.history() == ['1']
} finally {
    project.drop()
}
