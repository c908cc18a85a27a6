package dev.slsguard.engine.rules;

import java.util.Objects;

/**
 * Rule packs compiled to the Drools executable model at build time: the class loader that holds
 * them and the resource listing their model classes (written by kie-maven-plugin as
 * {@code META-INF/kie/<groupId>/<artifactId>/drools-model}).
 *
 * @param loader        the class loader of the jar that holds the packs
 * @param modelListPath the class-path resource that lists the generated model classes
 */
public record PrecompiledPacks(ClassLoader loader, String modelListPath) {

    public PrecompiledPacks {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(modelListPath, "modelListPath");
    }
}
