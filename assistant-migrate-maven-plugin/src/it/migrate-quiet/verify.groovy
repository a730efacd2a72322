import dev.assistant.migrate.it.InvokerProject

def project = InvokerProject.of(basedir)
try {
    def log = project.log()
    assert !log.contains(project.password()) || project.password() == project.settings().user()
    assert !log.contains('[INFO]') : log
    assert !log.contains('[WARNING]') : log
    assert project.history() == ['1', '2']
} finally {
    project.drop()
}
