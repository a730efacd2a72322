import static dev.assistant.migrate.it.InvokerProject.verify

def migrations = new File(basedir, 'src/main/resources/db/migration')
verify(basedir) { project, log ->
    assert log.contains('No schema changes detected')
    assert migrations.list().sort() == ['U1__notes.sql', 'V1__notes.sql']
}
