import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    assert log.contains('Current:  version 3 (third)')
    assert log =~ /4 +no undo +IRREVERSIBLE \(no undo script\) +V4__no_undo\.sql/
    assert log =~ /5 +empty undo +IRREVERSIBLE/
    assert log.contains('[ERROR] V2__parallel_branch.sql: pending, but older than the newest applied migration.')
    assert log =~ /git mv V2__parallel_branch\.sql V\d{14}__parallel_branch\.sql/
    assert log.contains('[WARNING] V4__no_undo.sql: has no undo script (irreversible).')
    assert log.contains('U5__empty_undo.sql holds only comments, which counts as no undo.')
    assert log.contains('[WARNING] U9__orphan.sql: undo script with no migration.')
    assert log.contains('[WARNING] v6_bad_name.sql: not a migration name, ignored.')
    assert log.contains('BUILD SUCCESS')
    assert project.history() == ['1', '3']
}
