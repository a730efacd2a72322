import static dev.assistant.migrate.it.InvokerProject.verifyNoConnection

def migrations = new File(basedir, 'src/main/resources/db/migration')
verifyNoConnection(basedir) { project, log ->
    assert log.contains('No compiled model classes') || log.contains('No @Entity class found')
    assert log.contains('Compile the model first: `make build` (`mvn compile`);')
    assert !log.contains('\tat ')
    assert migrations.list().sort() == ['U1__notes.sql', 'V1__notes.sql']
}
