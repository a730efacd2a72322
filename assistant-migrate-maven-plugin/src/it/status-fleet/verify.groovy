import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    def fleet = project.fleet()
    def where = fleet.collect { "postgresql://${it.settings().host()}:${it.settings().port()}/${it.settings().database()}" }
    assert log.contains('Reading 3 databases, 3 at a time, with the scripts of')
    assert log =~ /\[INFO\] Database +Before → after +Pending +Time +Result/
    assert log =~ /\[INFO\] ${where[0]} +2 +0 +\d+ ms +up to date/
    assert log =~ /\[INFO\] ${where[2]} +1 +1 +\d+ ms +1 pending/
    assert log.contains('status: 3 of 3 databases ok, 3 at a time, in ')
    assert log.contains('Checking 3 databases, 3 at a time, with the scripts of')
    assert log.findAll(/\[shadow\] Replayed/).size() <= 1 : 'the chain is replayed once for the fleet'
    assert log =~ /\[INFO\] ${where[1]} +2 +0 +\d+ ms +passed/
    assert log =~ /\[INFO\] ${where[2]} +1 +1 +\d+ ms +FAILED: 1 finding: pending: V2 second \(V2__second\.sql\)/
    assert log.contains('check: 2 of 3 databases ok, 1 failed, 3 at a time, in ')
    assert log.contains('check failed on 1 of 3 databases:') && log.contains("  - ${where[2]}: 1 finding: pending")
    assert fleet.collect { it.history() } == [['1', '2'], ['1', '2'], ['1']]
}
