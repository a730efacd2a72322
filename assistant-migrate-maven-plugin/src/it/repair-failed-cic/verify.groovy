import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    def runs = log.split('BUILD SUCCESS')
    assert runs.size() >= 2 : 'both repair runs succeeded'
    def dryRun = runs[0]
    assert dryRun.contains('Dry run: repair would change ')
    assert dryRun =~ /failed +2 +V2 \(unique email\) +failed row of V2__unique_email\.sql, recorded \S+ +removed +no/
    assert dryRun.contains('Nothing was changed.')
    assert dryRun.contains('To make these changes, name them: `make migration-repair REPAIR=failed`'
            + ' (`mvn assistant-migrate:repair -Dassistant.repair=failed`).')
    def repair = runs[1]
    assert repair.contains('Repaired V2 (unique email): failed row of V2__unique_email.sql')
    assert repair =~ /failed +2 +V2 \(unique email\) +failed row of V2__unique_email\.sql, recorded \S+ +removed +yes/
    assert repair.contains('Changed 1 history row in one transaction.')
    assert repair.contains('The invalid index "public"."accounts_email_key" on accounts is left from a failed CREATE'
            + ' INDEX CONCURRENTLY; repair does not touch the schema. Drop it before migrating again:'
            + ' DROP INDEX CONCURRENTLY IF EXISTS "public"."accounts_email_key";')
    assert !log.contains('[ERROR]')
    assert project.history() == ['1']
    assert project.strings("SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid") == ['accounts_email_key']
}
