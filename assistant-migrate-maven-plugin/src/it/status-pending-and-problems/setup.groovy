import static dev.assistant.migrate.it.InvokerProject.setup

setup(basedir) { project ->
    // V1 and V3 are applied; V2 arrives afterwards, as from a parallel branch; V4 and V5 are simply new.
    def dir = 'src/main/resources/db/migration/'
    def later = ['V2__parallel_branch.sql', 'V4__no_undo.sql', 'V5__empty_undo.sql']
    later.each { project.move(dir + it, dir + it + '.later') }
    project.migrate('latest')
    later.each { project.move(dir + it + '.later', dir + it) }
}
