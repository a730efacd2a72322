import static dev.assistant.migrate.it.InvokerProject.verify

verify(basedir) { project, log ->
    def lines = log.readLines().findAll { it.startsWith('[INFO] ') }.collect { it.substring(7) }
    def header = lines.find { it.startsWith('Version') }
    assert header ==~ /Version +Description +Type +Installed on +By +Time +State +Undo/
    def rows = lines.subList(lines.indexOf(header) + 2, lines.indexOf(header) + 5)
    assert rows[0] =~ /^1 +first +SQL +\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ +\S+ +\d+ ms +Success +yes$/
    assert rows[1] =~ /^2 +second +SQL .* Success +yes$/
    assert rows[2] =~ /^3 +third +SQL +Pending +yes$/
    assert rows.collect { it.indexOf('SQL') }.unique().size() == 1 : 'columns line up'
    assert log.contains('2 applied migrations, 1 pending.')
}
