package dev.assistant.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.migrate.api.LintMode;
import dev.assistant.migrate.api.LintRule;
import dev.assistant.migrate.api.ProblemKind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the lint reads from a statement's text: the tables and columns it names, whatever the quoting and case. */
class StatementTextTest {

    @Test
    void theAlteredTableAsTheCatalogSpellsIt() {
        assertThat(new StatementText("-- why\nALTER TABLE IF EXISTS ONLY public.Users ADD COLUMN x int")
                .alteredTable()).contains("users");
        assertThat(new StatementText("alter table \"Mixed Case\" add column x int").alteredTable())
                .contains("Mixed Case");
        assertThat(new StatementText("CREATE INDEX i ON users (x)").alteredTable()).isEmpty();
        assertThat(new StatementText("CREATE UNIQUE INDEX IF NOT EXISTS i ON ONLY public.Users (x)").indexedTable())
                .contains("users");
        assertThat(new StatementText("create index on orders using btree (x)").indexedTable()).contains("orders");
    }

    @Test
    void theTableWhoseRowsAStatementChanges() {
        assertThat(new StatementText("UPDATE ONLY users SET x = 1").changedTable()).contains("users");
        assertThat(new StatementText("insert into app.orders values (1)").changedTable()).contains("orders");
        assertThat(new StatementText("DELETE FROM \"Audit\" WHERE true").changedTable()).contains("Audit");
        assertThat(new StatementText("SELECT 1").changedTable()).isEmpty();
    }

    @Test
    void droppedAddedAndRenamedColumnsButNotConstraintsOrDefaults() {
        StatementText text = new StatementText("ALTER TABLE users DROP COLUMN IF EXISTS bio, DROP CONSTRAINT c,"
                + " ALTER COLUMN a DROP DEFAULT, ALTER COLUMN b DROP NOT NULL, DROP legacy, ADD COLUMN x int,"
                + " ADD CONSTRAINT k CHECK (x > 0), ADD y text");
        assertThat(text.droppedColumns()).containsExactly("bio", "legacy");
        assertThat(text.addedColumns()).containsExactly("x", "y");
        assertThat(new StatementText("ALTER TABLE users RENAME COLUMN Name TO full_name").renamedColumns())
                .extracting(Arrays::asList).containsExactly(Arrays.asList("name", "full_name"));
        assertThat(new StatementText("ALTER TABLE users RENAME CONSTRAINT a TO b").renamedColumns()).isEmpty();
        assertThat(new StatementText("ALTER TABLE orders RENAME TO purchases").newTableName()).contains("purchases");
        assertThat(new StatementText("CREATE UNLOGGED TABLE IF NOT EXISTS s.t (id int)").createdTable())
                .contains("t");
    }

    @Test
    void aStatementIsShownOnOneLineWithoutItsComments() {
        assertThat(new StatementText("-- a comment\n/* another */\nALTER TABLE users\n    ADD COLUMN x int").shown())
                .isEqualTo("ALTER TABLE users ADD COLUMN x int");
    }

    @Test
    void lintModesAndRuleIds() {
        assertThat(LintMode.parse(null)).isEqualTo(LintMode.ERROR);
        assertThat(LintMode.parse(" Warn ")).isEqualTo(LintMode.WARN);
        assertThat(LintMode.WARN.severityOf(LintRule.TABLE_REWRITE)).isEqualTo(ProblemKind.Severity.WARNING);
        assertThat(LintMode.ERROR.severityOf(LintRule.TABLE_REWRITE)).isEqualTo(ProblemKind.Severity.ERROR);
        assertThat(LintRule.byId("non-concurrent-index")).contains(LintRule.NON_CONCURRENT_INDEX);
        assertThat(Arrays.stream(LintRule.values()).map(LintRule::id))
                .allMatch(id -> id.matches("[a-z]+(-[a-z]+)*")).doesNotHaveDuplicates();
    }
}
