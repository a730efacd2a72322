import static dev.assistant.migrate.it.InvokerProject.setupFleet

// three databases: two up to date, the third behind by one migration
setupFleet(basedir, 2) { project ->
    def fleet = project.fleet()
    fleet[0].migrate('latest')
    fleet[1].migrate('latest')
    fleet[2].migrate('1')
}
