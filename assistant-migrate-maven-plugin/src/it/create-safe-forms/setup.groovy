import static dev.assistant.migrate.it.InvokerProject.setup

setup(basedir)
