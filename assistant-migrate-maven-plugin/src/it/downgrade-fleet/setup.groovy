import static dev.assistant.migrate.it.InvokerProject.setupFleet

// three databases: two at version 2, one already at version 1
setupFleet(basedir, 2) { project ->
    def fleet = project.fleet()
    fleet[0].migrate('latest')
    fleet[1].migrate('1')
    fleet[2].migrate('latest')
}
