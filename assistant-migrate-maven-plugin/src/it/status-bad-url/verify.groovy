import dev.assistant.migrate.it.InvokerProject

def project = InvokerProject.of(basedir)
try {
    def log = project.log()
    assert !log.contains(project.password()) || project.password() == project.settings().user()
    assert log.contains("(postgresql://db.example/the_assistant) is not valid: the port is not a number between 1 and 65535")
    assert !log.contains('someone')
    assert !log.contains('S3cr3t-pw')
    assert !log.contains('\tat ')
} finally {
    project.drop()
}
