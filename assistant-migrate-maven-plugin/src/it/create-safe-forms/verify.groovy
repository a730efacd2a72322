import static dev.assistant.migrate.it.InvokerProject.verify

def migrations = new File(basedir, 'src/main/resources/db/migration')
verify(basedir) { project, log ->
    def created = migrations.list().findAll { it.contains('notes_by_author') }.sort()
    assert created.size() == 6 : migrations.list()
    def named = { prefix, suffix -> new File(migrations, created.find { it.startsWith(prefix) && it.endsWith(suffix) }).text }
    def version = created.find { it.startsWith('V') && it.endsWith('__notes_by_author.sql') }.replaceAll(/^V(\d{14})__.*/, '$1')
    assert created.containsAll(["V${version}__notes_by_author.sql", "V${version}.1__notes_by_author_validate.sql",
            "V${version}.2__notes_by_author_indexes.sql"]*.toString()) : created
    def change = named("V${version}__", '__notes_by_author.sql')
    assert change.contains("SET LOCAL lock_timeout = '5s';")
    assert change.contains('ALTER TABLE notes ADD CONSTRAINT fk_notes_author_id FOREIGN KEY (author_id) REFERENCES authors (id) NOT VALID;')
    assert named("V${version}.1__", '_validate.sql').contains('ALTER TABLE notes VALIDATE CONSTRAINT fk_notes_author_id;')
    def indexes = named("V${version}.2__", '_indexes.sql')
    assert indexes.contains('CREATE INDEX CONCURRENTLY ix_notes_author_id ON notes (author_id);')
    assert !indexes.contains('SET LOCAL')
    assert named("U${version}.2__", '_indexes.sql').contains('DROP INDEX CONCURRENTLY IF EXISTS ix_notes_author_id;')
    assert log.contains('2 changes generated; review the 3 migrations, which run in this order, and their undo')
    created.each { assert log.contains('Created ' + new File(migrations, it).absolutePath) : it }
    project.migrate('latest')
    assert project.strings("SELECT convalidated::text FROM pg_constraint WHERE conname = 'fk_notes_author_id'") == ['true']
    assert project.strings("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'ix_notes_author_id'::regclass") == ['true']
}
