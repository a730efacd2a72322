import static dev.assistant.migrate.it.InvokerProject.setup

setup(basedir) { project ->
    project.migrate('1')
    project.write('src/main/resources/db/migration/V1__first.sql', 'CREATE TABLE first (id bigint PRIMARY KEY);\n')
}
