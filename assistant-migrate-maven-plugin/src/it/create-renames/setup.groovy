import dev.assistant.migrate.it.InvokerProject

def project = InvokerProject.of(basedir).prepare()

true
