#!/usr/bin/env bash
# Prints the home of the newest JDK >= 21 on this machine (StoryGraph embeds Neo4j 2026.x, which needs Java 21+).
# Looks where Maven's toolchains plugin looks: $JAVA_HOME, $JAVA*_HOME, /usr/lib/jvm, /usr/jdk*, /opt,
# ~/.jdks, ~/.sdkman. Exits 1 with an explanation when there is none. The running java may stay older (Maven itself
# runs on 17); the build selects the JDK through maven-toolchains-plugin.
set -u
min=21
best=""; best_version=0
candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
while IFS='=' read -r name value; do
  case "$name" in JAVA*_HOME) candidates+=("$value");; esac
done < <(env)
for d in /usr/lib/jvm/* /usr/jdk* /opt/* /opt/java/* "$HOME"/.jdks/* "$HOME"/.sdkman/candidates/java/*; do
  [ -d "$d" ] && candidates+=("$d")
done
for home in "${candidates[@]}"; do
  [ -f "$home/release" ] && [ -x "$home/bin/javac" ] || continue
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  [ -n "$version" ] || continue
  if [ "$version" -ge "$min" ] && [ "$version" -gt "$best_version" ]; then
    best="$home"; best_version="$version"
  fi
done
if [ -z "$best" ]; then
  cat >&2 <<MSG
StoryGraph needs a JDK $min or newer (its embedded Neo4j 2026.x requires Java $min+), and none was found
in JAVA_HOME, JAVA<N>_HOME, /usr/lib/jvm, /usr/jdk*, /opt, ~/.jdks or ~/.sdkman.
Install one, for example:  sudo apt-get install openjdk-21-jdk   (or Temurin 25 from https://adoptium.net)
You do not need to change JAVA_HOME: the build finds it.
MSG
  exit 1
fi
echo "$best"
