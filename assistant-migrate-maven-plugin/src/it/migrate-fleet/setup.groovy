import static dev.assistant.migrate.it.InvokerProject.setupFleet

// three databases; the second is at version 1 and has a table made by hand that V2 also creates
setupFleet(basedir, 2) { project ->
    def broken = project.fleet()[1]
    broken.migrate('1')
    broken.execute('CREATE TABLE second (made_by_hand text)')
}
