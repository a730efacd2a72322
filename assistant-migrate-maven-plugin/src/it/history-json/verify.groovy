import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    def document = log.substring(log.indexOf('{'), log.lastIndexOf('}') + 1)
    def json = new groovy.json.JsonSlurper().parseText(document)
    assert json.report == 'history'
    assert json.applied*.version == ['1', '2']
    assert json.applied.every { it.state == 'Success' && it.type == 'SQL' && it.undoAvailable && it.executionTimeMillis >= 0 }
    assert json.applied[0].installedOn ==~ /\d{4}-\d\d-\d\dT.*Z/
    assert json.pending*.script == ['V3__third.sql']

    // the command line tool, run in the same project, prints the same document
    assert project.cli(cliJar, 'history', '--format', 'json').strip() == document
}
