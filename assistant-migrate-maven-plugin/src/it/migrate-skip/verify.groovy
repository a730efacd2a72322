import dev.assistant.migrate.it.InvokerProject

def project = InvokerProject.of(basedir)
try {
    def log = project.log()
    assert !log.contains(project.password()) || project.password() == project.settings().user()
    assert log.contains('Skipping migrate: assistant.skip is set.')
    assert project.history() == []
    assert project.tables() == []
} finally {
    project.drop()
}
