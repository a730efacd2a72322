import static dev.assistant.migrate.it.InvokerProject.setupFleet

// two good databases, then a line that is not a PostgreSQL URL, a bad port, and the first database again
setupFleet(basedir, 1) { project ->
    def file = new File(basedir, 'fleet.txt')
    def first = file.readLines().find { !it.startsWith('#') }
    file << 'mysql://someone:S3cr3t-pw@db.example/tenant_3\n'
    file << '# a comment between bad lines\n'
    file << 'postgresql://someone:S3cr3t-pw@db.example:54x2/tenant_4\n'
    file << first + '\n'
}
