def log = new File(basedir, 'build.log').text
assert log.contains('Rule 0: org.apache.maven.enforcer.rules.dependency.BannedDependencies failed')
assert log.contains('Import rule: assistant-db-model depends on nothing of ours')
assert log.contains('dev.assistant:assistant-db-config')
