import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    def document = log.substring(log.indexOf('{'), log.lastIndexOf('}') + 1)
    def json = new groovy.json.JsonSlurper().parseText(document)
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

    // the command line tool, run in the same project, prints the same document
    assert project.cli(cliJar, 'current', '--format', 'json').strip() == document
}
