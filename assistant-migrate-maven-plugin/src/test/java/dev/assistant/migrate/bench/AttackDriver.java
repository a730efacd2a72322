package dev.assistant.migrate.bench;

import org.junit.jupiter.api.Test;

/**
 * Runs the attack catalogue ({@link Attacks}) inside the plugin's integration-test phase, after the plugin was
 * installed into its test repository. Not part of any suite (its name matches no test pattern): it runs only when
 * named, {@code -Dit.test=AttackDriver}, as docs/reliability.md shows.
 */
class AttackDriver {

    @Test
    void runTheCatalogue() throws Exception {
        if (System.getProperty("attacks.tools") == null) {
            System.setProperty("attacks.tools", "after=" + System.getProperty("assistant.it.repository"));
        }
        Attacks.main(new String[] {System.getProperty("attacks.report", "target/attacks/attacks.md"),
                "target/attacks"});
    }
}
