import static dev.assistant.migrate.it.InvokerProject.verifyNoConnection

def migrations = new File(basedir, 'src/main/resources/db/migration')
verifyNoConnection(basedir) { project, log ->
    assert log.contains("The message '../../escape' contains a path separator")
    assert migrations.list().sort() == ['U1__notes.sql', 'V1__notes.sql']
    assert !new File(basedir, 'src/main/resources/escape.sql').exists()
}
