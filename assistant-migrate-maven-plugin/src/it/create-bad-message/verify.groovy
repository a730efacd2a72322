import dev.assistant.migrate.it.InvokerProject

def project = InvokerProject.of(basedir)
def migrations = new File(basedir, 'src/main/resources/db/migration')
try {
    def log = project.log()
    assert log.contains("The message '../../escape' contains a path separator")
    assert migrations.list().sort() == ['U1__notes.sql', 'V1__notes.sql']
    assert !new File(basedir, 'src/main/resources/escape.sql').exists()
} finally {
    project.drop()
}
