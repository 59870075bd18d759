#!/usr/bin/env bash
# Calendar benchmark (issue 5): bench/calendar.sh [posts=5000] [rounds=30]
# Starts Vitrine in-process on a fresh H2 database (VITRINE_DB_URL/USER/PASSWORD for PostgreSQL), writes
# the posts over next month, signs in and times the month view's requests. Kept apart from bench/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$JAVA_HOME/bin/javac" ] || export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
mkdir -p bench/target
if [ ! -d target/classes/io/vitrine ] || [ -n "$(find src/main pom.xml -newer target/classes/io/vitrine/VitrineApplication.class -print -quit)" ]; then
  echo "[bench] compiling Vitrine" >&2
  ./mvnw -B -q -DskipTests compile
fi
if [ ! -f bench/target/classpath.txt ] || [ pom.xml -nt bench/target/classpath.txt ]; then
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=bench/target/classpath.txt >&2
fi
CP="bench/target/calendar-classes:target/classes:$(cat bench/target/classpath.txt)"
rm -rf bench/target/calendar-classes
"$JAVA_HOME/bin/javac" -nowarn -d bench/target/calendar-classes -cp "$CP" bench/calendar/*.java
exec "$JAVA_HOME/bin/java" -Xmx1g -Dlogback.configurationFile=bench/logback-bench.xml -cp "$CP" io.vitrine.bench.calendar.CalendarBench "$@"
