def log = new File(basedir, 'build.log').text
assert log.contains('Rule 0: org.apache.maven.enforcer.rules.dependency.BannedDependencies failed')
assert log.contains('Import rule: assistant-migrate-core is plain Java')
assert log.contains('org.apache.maven:maven-plugin-api')
