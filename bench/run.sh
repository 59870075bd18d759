#!/usr/bin/env bash
# Publishing benchmark (issue 3): bench/run.sh [targets=100000] [accounts=1000] [dbs=h2,postgres] [profile]
# Builds Vitrine if needed, compiles bench/src, then runs the burst scenario and prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$JAVA_HOME/bin/javac" ] || export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
mkdir -p bench/target
if [ ! -f target/vitrine.jar ] || [ -n "$(find src/main pom.xml -newer target/vitrine.jar -print -quit)" ]; then
  echo "[bench] building target/vitrine.jar" >&2
  ./mvnw -B -q -DskipTests package
fi
if [ ! -f bench/target/classpath.txt ] || [ pom.xml -nt bench/target/classpath.txt ]; then
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=bench/target/classpath.txt >&2
fi
CP="bench/target/classes:target/classes:$(cat bench/target/classpath.txt)"
rm -rf bench/target/classes
"$JAVA_HOME/bin/javac" -nowarn -d bench/target/classes -cp "$CP" $(find bench/src -name '*.java')
exec "$JAVA_HOME/bin/java" -Xmx1g -Dlogback.configurationFile=bench/logback-bench.xml -cp "$CP" io.vitrine.bench.Bench "$@"
