package dev.assistant.migrate.schema;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * Spring Boot's default implicit naming: JPA's, except that a join table without {@code @JoinTable} is named after
 * the owning table and the attribute ({@code owners_pets}) rather than after both entities' tables. Spring Boot
 * configures it for every application unless told otherwise, so a model read for such an application must use it,
 * or each of its unnamed join tables reads as a rename.
 */
public final class SpringImplicitNaming extends ImplicitNamingStrategyJpaCompliantImpl {

    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
        String name = source.getOwningPhysicalTableName() + "_"
                + source.getAssociationOwningAttributePath().getProperty();
        return toIdentifier(name, source.getBuildingContext());
    }
}
