# Multi-stage build of the StoryGraph service image (used by docker-compose.yml).
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /build
COPY pom.xml .
COPY .mvn .mvn
COPY src src
COPY cypher cypher
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /build/target/storygraph-*.jar /app/storygraph.jar
COPY seeds /app/seeds
EXPOSE 8080
# Add-Opens and Enable-Native-Access come from the jar's manifest.
ENTRYPOINT ["java", "-jar", "/app/storygraph.jar"]
