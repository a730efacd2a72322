import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    def fleet = project.fleet()
    def where = fleet.collect { "postgresql://${it.settings().host()}:${it.settings().port()}/${it.settings().database()}" }
    assert log.contains('Downgrading 3 databases, 1 at a time, stopping at the first failure, with the scripts of')
    assert log =~ /\[INFO\] \[${fleet[0].settings().database()}\] Undid V2 second \(\d+ ms, U2__second\.sql\)/
    assert log =~ /\[INFO\] ${where[0]} +2 → 1 +1 +\d+ ms +undid 1/
    assert log =~ /\[INFO\] ${where[1]} +1 +0 +\d+ ms +nothing to undo/
    assert log =~ /\[INFO\] ${where[2]} +2 → 1 +1 +\d+ ms +undid 1/
    assert log.contains('downgrade: 3 of 3 databases ok, 1 at a time, in ')
    assert log.contains('BUILD SUCCESS')
    fleet.each { assert it.history() == ['1'] && it.tables() == ['first'] }
}
