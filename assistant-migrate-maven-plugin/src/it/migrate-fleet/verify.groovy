import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    def fleet = project.fleet()
    assert fleet.size() == 3
    def where = fleet.collect { "postgresql://${it.settings().host()}:${it.settings().port()}/${it.settings().database()}" }
    assert log.contains('Migrating 3 databases, 2 at a time, with the scripts of')
    assert log =~ /\[INFO\] Database +Before → after +Applied +Time +Result/
    assert log =~ /\[INFO\] ${where[0]} +none → 2 +2 +\d+ ms +applied 2/
    assert log =~ /\[INFO\] ${where[1]} +- +0 +\d+ ms +FAILED: Migration V2__second\.sql failed and was rolled back/
    assert log =~ /\[INFO\] ${where[2]} +none → 2 +2 +\d+ ms +applied 2/
    assert log.indexOf(where[0]) < log.indexOf(where[1] + ' ') && log.indexOf(where[1] + ' ') < log.indexOf(where[2] + ' ')
    assert log.contains('migrate: 2 of 3 databases ok, 1 failed, 2 at a time, in ')
    assert log.contains('[ERROR] Failed to execute goal') && log.contains('migrate failed on 1 of 3 databases:')
    assert log.contains("  - ${where[1]}: Migration V2__second.sql failed")
    assert log.contains('42P07')
    assert fleet[0].history() == ['1', '2'] && fleet[0].tables() == ['first', 'second']
    assert fleet[1].history() == ['1'] && fleet[1].tables() == ['first', 'second']
    assert fleet[2].history() == ['1', '2'] && fleet[2].tables() == ['first', 'second']
}
