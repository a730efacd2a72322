import dev.assistant.migrate.it.InvokerProject

def project = InvokerProject.of(basedir)
try {
    def log = project.log()
    assert !log.contains(project.password()) || project.password() == project.settings().user()
    assert log.contains('BUILD SUCCESS')
    assert !log.contains('[ERROR]')
    assert !log.contains('[WARNING]')
} finally {
    project.drop()
}
