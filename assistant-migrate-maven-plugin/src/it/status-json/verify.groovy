import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    def json = new groovy.json.JsonSlurper().parseText(log.substring(log.indexOf('{'), log.lastIndexOf('}') + 1))
    assert json.formatVersion == 1
    assert json.report == 'status'
    assert json.database.contains(':****@')
    assert json.current.version == '1'
    assert json.current.description == 'first'
    assert json.current.installedBy
    assert json.pending*.version == ['2', '3']
    assert json.pending.every { it.reversible }
    assert json.problems == []
    assert json.upToDate == false
}
