package dev.assistant.db.model;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQL types Hibernate derives from the entities on PostgreSQL, without a database connection. */
class EntityMappingTest {

    private static StandardServiceRegistry registry;
    private static Metadata metadata;

    @BeforeAll
    static void buildMetadata() {
        registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL")
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_VERSION, "15")
                .applySetting(AvailableSettings.ALLOW_METADATA_ON_BOOT, false)
                .build();
        metadata = new MetadataSources(registry)
                .addAnnotatedClasses(AssistantEntities.ALL.toArray(Class<?>[]::new))
                .buildMetadata();
    }

    @AfterAll
    static void close() {
        StandardServiceRegistryBuilder.destroy(registry);
    }

    private static Map<String, String> columnTypes(String tableName) {
        Table table = metadata.collectTableMappings().stream()
                .filter(t -> t.getName().equals(tableName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table " + tableName));
        Map<String, String> types = new TreeMap<>();
        for (Column column : table.getColumns()) {
            types.put(column.getName(), column.getSqlType(metadata));
        }
        return types;
    }

    @Test
    void listsEveryEntityOfThePackage() throws Exception {
        Path packageDir = Path.of(User.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(User.class.getPackageName().replace('.', '/'));
        List<Class<?>> annotated = new ArrayList<>();
        try (Stream<Path> files = Files.list(packageDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String simpleName = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(User.class.getPackageName() + "." + simpleName);
                if (type.isAnnotationPresent(Entity.class)) {
                    annotated.add(type);
                }
            }
        }
        assertThat(AssistantEntities.ALL).containsExactlyInAnyOrderElementsOf(annotated);
    }

    @Test
    void mapsTheFiveTables() {
        assertThat(metadata.collectTableMappings()).extracting(Table::getName)
                .containsExactlyInAnyOrder("users", "user_settings", "third_party_accounts", "tasks", "countdowns");
    }

    @Test
    void longTextIsTextNeverOid() {
        assertThat(columnTypes("users")).containsEntry("google_credentials_enc", "text");
        assertThat(columnTypes("user_settings")).containsEntry("value_json", "text");
        assertThat(columnTypes("third_party_accounts")).containsEntry("credentials_enc", "text");
        assertThat(columnTypes("tasks"))
                .containsEntry("raw_instruction", "text")
                .containsEntry("instruction", "text");
        metadata.collectTableMappings().forEach(table -> table.getColumns()
                .forEach(column -> assertThat(column.getSqlType(metadata))
                        .as(table.getName() + "." + column.getName())
                        .doesNotContain("oid")
                        .doesNotContain("bytea")));
    }

    @Test
    void timestampsCarryTheTimeZone() {
        assertThat(columnTypes("users"))
                .containsEntry("registered_at", "timestamp(6) with time zone")
                .containsEntry("created_at", "timestamp(6) with time zone")
                .containsEntry("updated_at", "timestamp(6) with time zone");
        assertThat(columnTypes("countdowns")).containsEntry("event_time", "timestamp(6) with time zone");
    }

    @Test
    void identifiersAndChatIdHaveTheirIntegerWidths() {
        assertThat(columnTypes("users"))
                .containsEntry("id", "integer")
                .containsEntry("telegram_chat_id", "bigint");
        assertThat(columnTypes("tasks")).containsEntry("user_id", "integer");
    }

    @Test
    void creationTimesDefaultToNowOnTheServer() {
        metadata.collectTableMappings().forEach(table -> table.getColumns().stream()
                .filter(column -> column.getName().endsWith("ed_at") && !column.isNullable())
                .forEach(column -> assertThat(column.getDefaultValue())
                        .as(table.getName() + "." + column.getName())
                        .isEqualTo("now()")));
    }

    @Test
    void childRowsGoWithTheirUser() {
        metadata.collectTableMappings().stream()
                .filter(table -> !table.getName().equals("users"))
                .forEach(table -> assertThat(table.getForeignKeyCollection())
                        .as(table.getName())
                        .singleElement()
                        .satisfies(fk -> {
                            assertThat(fk.getReferencedTable().getName()).isEqualTo("users");
                            assertThat(fk.getOnDeleteAction()).hasToString("CASCADE");
                            assertThat(fk.getColumns()).extracting(Column::getName).containsExactly("user_id");
                        }));
    }
}
