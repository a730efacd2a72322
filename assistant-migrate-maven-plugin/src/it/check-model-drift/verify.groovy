import static dev.assistant.migrate.it.InvokerProject.verify

def migrations = new File(basedir, 'src/main/resources/db/migration')
verify(basedir) { project, log ->
    assert log =~ /Migration check failed: 1 finding in postgresql:/
    assert log.contains('notes: the entity model differs from what the migrations build.')
    assert log.contains('The model in target/classes needs: add column notes.body text.')
    assert log.contains('Generate the migration: `make migration MESSAGE="..."` (`mvn assistant-migrate:create -Dassistant.autogenerate=true -Dassistant.message="..."`).')
}
