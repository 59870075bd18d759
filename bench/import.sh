#!/usr/bin/env bash
# CSV import benchmark (issue 5): bench/import.sh [rows=10000]
# Starts Vitrine in-process on a fresh H2 database (VITRINE_DB_URL/USER/PASSWORD for PostgreSQL), writes a CSV
# file of that many rows, and times its preview and its background import. Kept apart from bench/run.sh.
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
CP="bench/target/import-classes:target/classes:$(cat bench/target/classpath.txt)"
rm -rf bench/target/import-classes
"$JAVA_HOME/bin/javac" -nowarn -d bench/target/import-classes -cp "$CP" bench/importbench/*.java
exec "$JAVA_HOME/bin/java" -Xmx1g ${BENCH_JAVA_OPTS:-} -Dlogback.configurationFile=bench/logback-bench.xml -cp "$CP" io.vitrine.bench.importbench.ImportBench "$@"
