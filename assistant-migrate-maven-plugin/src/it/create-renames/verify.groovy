import dev.assistant.migrate.it.InvokerProject

def project = InvokerProject.of(basedir)
def migrations = new File(basedir, 'src/main/resources/db/migration')
try {
    def log = project.log()
    def created = migrations.list().findAll { it.contains('notes_get_headings') }.sort()
    assert created.size() == 2 : migrations.list()
    def upgrade = new File(migrations, created[1]).text
    def downgrade = new File(migrations, created[0]).text
    assert upgrade.contains('(named by assistant.renames). If it is not a rename, replace this statement with:')
    assert upgrade.contains('-- ALTER TABLE notes DROP COLUMN title;')
    assert upgrade.contains('ALTER TABLE notes RENAME COLUMN title TO heading;')
    assert !upgrade.contains('\nALTER TABLE notes DROP COLUMN')
    assert upgrade.contains("-- PLACEHOLDER: the rows that exist get '' in notes.locale")
    assert downgrade.contains('ALTER TABLE notes RENAME COLUMN heading TO title;')
    assert log.contains("[WARNING] Review the PLACEHOLDER in the script: existing rows of notes get '' in notes.locale")
    project.migrate('latest')
    assert project.strings('SELECT heading FROM notes ORDER BY id') == ['first', 'second']
} finally {
    project.drop()
}
