import dev.assistant.migrate.it.InvokerProject

def project = InvokerProject.of(basedir)
def migrations = new File(basedir, 'src/main/resources/db/migration')
try {
    def log = project.log()
    assert log.contains('U2__tags.sql: undo does not restore the schema.')
    assert log.contains('After V2__tags.sql and then U2__tags.sql, the schema differs from the one before the migration: needs drop table tag_names.')
    assert project.history() == ['1', '2'] : 'the target database is not touched'
} finally {
    project.drop()
}
