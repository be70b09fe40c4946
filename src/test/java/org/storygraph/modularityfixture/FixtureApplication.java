package org.storygraph.modularityfixture;

/** The root of a two-module fixture in which the bottom module ({@code graph}) imports a feature: forbidden. */
@org.springframework.modulith.Modulithic
public class FixtureApplication {
}
