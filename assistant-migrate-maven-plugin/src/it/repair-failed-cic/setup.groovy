import static dev.assistant.migrate.it.InvokerProject.setup

// V2's CREATE UNIQUE INDEX CONCURRENTLY fails on the duplicate e-mail: an invalid index and a failure record remain.
setup(basedir) { project ->
    try {
        project.migrate('latest')
        throw new IllegalStateException('V2 was expected to fail')
    } catch (dev.assistant.migrate.api.MigrationEngineException expected) {
    }
    assert project.history() == ['1', '2!']
}
