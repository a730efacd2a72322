import static dev.assistant.migrate.it.InvokerProject.verify

def migrations = new File(basedir, 'src/main/resources/db/migration')
verify(basedir) { project, log ->
    assert log.contains('U2__tags.sql: undo does not restore the schema.')
    assert log.contains('After V2__tags.sql and then U2__tags.sql, the schema differs from the one before the migration: needs drop table tag_names.')
    assert project.history() == ['1', '2'] : 'the target database is not touched'
}
