package dev.assistant.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The two spellings PostgreSQL prints for one IN list, as PostgreSQL 15 prints them. */
class CheckExpressionsTest {

    private static final String FIRST = "CHECK (((status)::text = ANY ((ARRAY['OPEN'::character varying,"
            + " 'it''s'::character varying])::text[])))";
    private static final String AGAIN = "CHECK (((status)::text = ANY (ARRAY[('OPEN'::character varying)::text,"
            + " ('it''s'::character varying)::text])))";

    @Test
    void bothSpellingsOfAnInListCompareEqual() {
        assertThat(CheckExpressions.comparable(FIRST)).isEqualTo(AGAIN);
        assertThat(CheckExpressions.comparable(AGAIN)).isEqualTo(AGAIN);
    }

    @Test
    void aDeparsedInListIsWrittenAsTheInListThatRecreatesIt() {
        assertThat(CheckExpressions.source(FIRST))
                .isEqualTo("CHECK ((status IN ('OPEN'::character varying, 'it''s'::character varying)))");
        assertThat(CheckExpressions.source("CHECK (((\"Kind\")::text = ANY ((ARRAY['a'::character varying])::text[])))"))
                .isEqualTo("CHECK ((\"Kind\" IN ('a'::character varying)))");
    }

    @Test
    void otherExpressionsStayAsTheyAre() {
        for (String definition : new String[] {AGAIN, "CHECK ((price >= (0)::numeric))",
                "CHECK (((o >= 0) AND (o <= 2)))", "CHECK ((txt = ANY (ARRAY['x'::text, 'y'::text])))"}) {
            assertThat(CheckExpressions.source(definition)).isEqualTo(definition);
            assertThat(CheckExpressions.comparable(definition)).isEqualTo(definition);
        }
    }
}
