import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    assert log.contains('[INFO] Planning migrate of postgresql://')
    assert !log.contains('[INFO] Migrating ')
    assert log.contains('[INFO] Dry run: would apply 1 migration to postgresql://')
    assert log =~ /\[INFO\]   2 +second +reversible +V2__second\.sql/
    assert log.contains('[INFO] Nothing was changed.')
    assert log.contains('[INFO] Now at version 1 (first)')
    assert !log.contains('Applied V2')
    assert !new File(basedir, 'target').exists() : 'no script without assistant.sqlOut'
    assert project.history() == ['1']
    assert project.tables() == ['first']
}
