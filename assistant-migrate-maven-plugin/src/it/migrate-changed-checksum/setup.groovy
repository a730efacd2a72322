import dev.assistant.migrate.it.InvokerProject

def project = InvokerProject.of(basedir).prepare()

project.migrate('1')
project.write('src/main/resources/db/migration/V1__first.sql', 'CREATE TABLE first (id bigint PRIMARY KEY);\n')

true
