package dev.assistant.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresTypesTest {

    @ParameterizedTest(name = "{0} -> {1} narrows: {2}")
    @CsvSource(delimiter = '|', value = {
        "character varying(255)|character varying(50)|true",
        "character varying(50)|character varying(255)|false",
        "character varying(50)|text|false",
        "text|character varying(255)|true",
        "character varying|character varying(10)|true",
        "bigint|integer|true",
        "integer|bigint|false",
        "smallint|integer|false",
        "integer|numeric(20,0)|false",
        "numeric(10,2)|numeric(12,4)|false",
        "numeric(12,4)|numeric(10,2)|true",
        "numeric(10,2)|numeric(10,3)|true",
        "numeric|numeric(10,2)|true",
        "double precision|real|true",
        "real|double precision|false",
        "timestamp(6) with time zone|timestamp(3) with time zone|true",
        "timestamp(3) with time zone|timestamp with time zone|false",
        "timestamp(6) without time zone|timestamp(6) with time zone|false",
        "timestamp(6) with time zone|timestamp(6) without time zone|false",
        "timestamp(6) with time zone|timestamp(3) without time zone|true",
        "character varying(255)|citext|false",
        "citext|character varying(255)|true",
        "text|integer|true",
        "uuid|text|true",
        "boolean|boolean|false"
    })
    void narrowing(String from, String to, boolean narrows) {
        assertThat(PostgresTypes.narrows(from, to)).isEqualTo(narrows);
    }

    @ParameterizedTest(name = "{0} -> {1} needs USING: {2}")
    @CsvSource(delimiter = '|', value = {
        "text|integer|true",
        "integer|bigint|false",
        "integer|text|false",
        "character varying(10)|text|false",
        "timestamp(6) without time zone|timestamp(6) with time zone|false",
        "text|uuid|true",
        "uuid|bytea|true"
    })
    void using(String from, String to, boolean needsUsing) {
        assertThat(PostgresTypes.needsUsing(from, to)).isEqualTo(needsUsing);
    }

    @ParameterizedTest(name = "{0} and {1} may be a rename: {2}")
    @CsvSource(delimiter = '|', value = {
        "text|character varying(64)|true",
        "integer|bigint|true",
        "integer|text|false",
        "jsonb|jsonb|true",
        "jsonb|json|false"
    })
    void compatibility(String a, String b, boolean compatible) {
        assertThat(PostgresTypes.compatible(a, b)).isEqualTo(compatible);
    }

    @ParameterizedTest(name = "rows of a new NOT NULL {0} get {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "integer|0", "numeric(10,2)|0", "character varying(255)|''", "citext|''", "boolean|false",
        "timestamp(6) with time zone|now()", "date|current_date", "uuid|gen_random_uuid()", "jsonb|'{}'",
        "integer[]|'{}'", "tsvector|NULL"
    })
    void placeholders(String type, String placeholder) {
        assertThat(PostgresTypes.placeholder(type)).isEqualTo(placeholder);
    }
}
