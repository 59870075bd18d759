#!/usr/bin/env bash
# Publishing benchmark (issue 3):
#   bench/run.sh [targets=100000] [accounts=1000] [dbs=h2,postgres] [profile]
#   bench/run.sh smoke [targets=2000] [accounts=200]   small run of every scenario; exit 1 unless lost = doubled = early = 0
# Scenarios: BENCH_SCENARIOS=burst,steady,crash,nodes,faults (the default: all), see README "Performance".
# Builds Vitrine if needed, compiles bench/src, runs the scenarios and prints the table.
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
# Vitrine runs from the extracted jar with a JDK AOT cache (Spring Boot's layout for fast starts): the crash,
# nodes and smoke runs start it about ten times, ~10 s each instead of ~30 s on a busy 2-core machine.
APP=bench/target/vitrine-app
if [ ! -f "$APP/.prepared" ] || [ target/vitrine.jar -nt "$APP/.prepared" ]; then
  echo "[bench] extracting target/vitrine.jar and training its AOT cache (once per build)" >&2
  rm -rf "$APP" bench/target/aot-training
  "$JAVA_HOME/bin/java" -Djarmode=tools -jar target/vitrine.jar extract --destination "$APP" >/dev/null
  mkdir -p bench/target/aot-training
  if ! VITRINE_DATA_DIR="$PWD/bench/target/aot-training/data" VITRINE_PORT=0 \
      "$JAVA_HOME/bin/java" -Xmx1g -XX:AOTCacheOutput="$APP/vitrine.aot" -Dspring.context.exit=onRefresh -jar "$APP/vitrine.jar" \
      > bench/target/aot-training/log 2>&1; then
    echo "[bench] AOT training failed (see bench/target/aot-training/log); starting without the cache" >&2
    rm -f "$APP/vitrine.aot"
  fi
  touch "$APP/.prepared"
fi
CP="bench/target/classes:target/classes:$(cat bench/target/classpath.txt)"
rm -rf bench/target/classes
"$JAVA_HOME/bin/javac" -nowarn -d bench/target/classes -cp "$CP" $(find bench/src -name '*.java')
# --add-opens: the load target resets connections (TCP RST) through the JDK HTTP server's socket channel.
exec "$JAVA_HOME/bin/java" -Xmx1500m --add-opens jdk.httpserver/sun.net.httpserver=ALL-UNNAMED \
  -Dlogback.configurationFile=bench/logback-bench.xml -cp "$CP" io.vitrine.bench.Bench "$@"
