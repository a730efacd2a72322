def log = new File(basedir, 'build.log').text
assert log.contains('Rule 0: org.apache.maven.enforcer.rules.dependency.BannedDependencies failed')
assert log.contains('Import rule: assistant-migrate-cli depends only on assistant-db-config and assistant-migrate-core')
assert log.contains('dev.assistant:assistant-migrate-maven-plugin')
