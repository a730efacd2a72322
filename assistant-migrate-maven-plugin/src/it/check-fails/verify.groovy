import dev.assistant.migrate.it.InvokerProject

def project = InvokerProject.of(basedir)
try {
    def log = project.log()
    assert !log.contains(project.password()) || project.password() == project.settings().user()
    assert log =~ /Migration check failed: 2 findings in postgresql:\/\/\S+:\*\*\*\*@/
    assert log.contains('  - pending: V2 no undo (V2__no_undo.sql), irreversible')
    assert log.contains('  - V2__no_undo.sql: has no undo script (irreversible).')
    assert project.history() == ['1']
} finally {
    project.drop()
}
