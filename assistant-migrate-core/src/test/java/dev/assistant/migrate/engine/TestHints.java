package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.Hints;

/** Hints that name what was asked for, in braces: tests see which fix a message points at, in no front end's words. */
public final class TestHints implements Hints {

    public static final Hints HINTS = new TestHints();

    private TestHints() {
    }

    @Override
    public String migrate() {
        return "{migrate}";
    }

    @Override
    public String migrateTo(String version) {
        return "{migrate to " + version + "}";
    }

    @Override
    public String status() {
        return "{status}";
    }

    @Override
    public String downgrade(String target) {
        return "{downgrade " + target + "}";
    }

    @Override
    public String createMigration(String message) {
        return "{create " + message + "}";
    }

    @Override
    public String baseline(String message) {
        return "{baseline " + message + "}";
    }

    @Override
    public String repair(String fixes) {
        return "{repair " + fixes + "}";
    }

    @Override
    public String buildModel() {
        return "{build model}";
    }

    @Override
    public String startDatabase() {
        return "{start database}";
    }

    @Override
    public String local() {
        return "{local}";
    }

    @Override
    public String setting(Setting setting) {
        return "{" + setting + "}";
    }

    @Override
    public String setting(Setting setting, String value) {
        return "{" + setting + "=" + value + "}";
    }
}
