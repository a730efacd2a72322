package dev.assistant.migrate.cli;

import dev.assistant.migrate.api.ModelSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of the commands that compare the entity model with the migrations: create and check. */
final class SchemaOptions {

    @Option(names = OptionNames.MODEL, split = ",", paramLabel = "<dir or jar>", description = {
        "The compiled entity classes: directories or jars, comma-separated.",
        "Default: target/classes of the working directory or of the modules under it, where they hold an @Entity"
                + " (after mvn compile)."})
    private List<Path> model;

    @Option(names = OptionNames.SHADOW_URL, paramLabel = "<url>", description = "An empty database to replay the"
            + " migrations on, instead of a temporary one created and dropped on the target's server (which needs"
            + " CREATEDB). It is reached with the target's user and password.")
    private String shadowUrl;

    @Option(names = OptionNames.IGNORE, split = ",", paramLabel = "<pattern>", description = {
        "Objects that exist only in SQL on purpose, left out of the comparisons (so kept, not proposed for"
                + " dropping): names, comma-separated, in which * stands for any characters and ? for one.",
        "A kind may come first: table:, column: (as table.column), index:, constraint:, sequence:, view:, function:,"
                + " trigger:, type: (e.g. idx_*, index:*, column:users.legacy_*)."})
    private List<String> ignore;

    @Option(names = OptionNames.RENAMES, split = ",", paramLabel = "<old->new>", description = {
        "Renames to take as such whatever the names look like, comma-separated: old_table->new_table for a table,"
                + " table.old_column->new_column for a column. Renames whose tables have alike columns, or whose"
                + " columns have fitting types and close names, are found without it."})
    private List<String> renames;

    @Option(names = OptionNames.NAMING_STRATEGY, paramLabel = "<strategy>", description = {
        "How the application's Hibernate turns entity names into table and column names: hibernate (the default: as"
                + " written), spring (Spring Boot's default: firstName becomes first_name), or the class name of a"
                + " PhysicalNamingStrategy on the model's class path."})
    private String namingStrategy;

    Optional<ModelSource> findModel(ProcessContext context) {
        return ModelLocations.find(model, context).map(found -> found.withNamingStrategy(namingStrategy));
    }

    ModelSource requireModel(ProcessContext context) {
        return ModelLocations.require(model, context).withNamingStrategy(namingStrategy);
    }

    String shadowUrl() {
        return shadowUrl;
    }

    List<String> renames() {
        return renames == null ? List.of() : renames;
    }

    List<String> ignore() {
        return ignore == null ? List.of() : ignore;
    }
}
