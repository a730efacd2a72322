import static dev.assistant.migrate.it.InvokerProject.verifyNoConnection

verifyNoConnection(basedir) { project, log ->
    def fleet = project.fleet()
    assert log.contains('3 entries of the list of databases ') && log.contains('fleet.txt (-Dassistant.urlsFile) cannot be used; nothing was run:')
    assert log.contains('The database URL from fleet.txt line 4 (mysql://db.example/tenant_3) is not valid')
    assert log.contains('The database URL from fleet.txt line 6 (postgresql://db.example/tenant_4) is not valid: the port is not a number')
    assert log.contains("fleet.txt line 7 names postgresql://localhost:${fleet[0].settings().port()}/${fleet[0].settings().database()} again, as fleet.txt line 2 did")
    assert !log.contains('S3cr3t-pw') && !log.contains('someone')
    assert !log.contains('\tat ')
    assert fleet[1].history() == []
}
