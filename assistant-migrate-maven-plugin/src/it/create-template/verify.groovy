import static dev.assistant.migrate.it.InvokerProject.verifyNoConnection

def migrations = new File(basedir, 'src/main/resources/db/migration')
verifyNoConnection(basedir) { project, log ->
    def created = migrations.list().findAll { it.contains('add_user_s_time_zone') }.sort()
    assert created.size() == 2 : migrations.list()
    assert created[0] ==~ /U\d{14}__add_user_s_time_zone\.sql/
    assert created[1] == 'V' + created[0].substring(1)
    def upgrade = new File(migrations, created[1]).text
    assert upgrade.startsWith("-- Add user's time-zone!")
    assert upgrade.contains('Reverse it in ' + created[0])
    assert new File(migrations, created[0]).text.contains('Undoes ' + created[1])
    assert log.contains('[INFO] Created ' + new File(migrations, created[1]).absolutePath)
    assert log.contains('[INFO] Created ' + new File(migrations, created[0]).absolutePath)
    assert project.history() == [] : 'create does not touch the database'
}
