# shellcheck shell=bash
# Pilothouse start script: tool checks and the Maven build.

# Sets JAVA (the java binary) and JAVA_HOME_DIR; fails without Java 17 or newer.
require_java() {
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
    JAVA=$JAVA_HOME/bin/java
  else
    JAVA=$(command -v java) || die "no 'java' on PATH and JAVA_HOME is not set: install Java 17 or newer"
  fi
  JAVA_HOME_DIR=$(dirname "$(dirname "$(realpath "$JAVA")")")
  local major
  major=$(java_major "$JAVA")
  [[ -n $major ]] || die "could not read the version of $JAVA"
  ((major >= 17)) || die "Java 17 or newer is required; $JAVA is Java $major"
}

# java_major JAVA: prints the feature version (8, 17, 25, ...).
java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }' |
    awk -F. '{ v = ($1 == "1") ? $2 : $1; sub(/[^0-9].*/, "", v); print v }'
}

require_mvn() {
  command -v mvn >/dev/null || die "no 'mvn' on PATH: install Maven 3.8 or newer"
}

# Artefacts the runtime needs from the build.
micro_war() { printf '%s/micro-war/target/pilothouse.war' "$REPO"; }
micro_runtime_dir() { printf '%s/micro-war/target/runtime' "$REPO"; }
server_ear() { printf '%s/ear/target/pilothouse.ear' "$REPO"; }

# needed_artefacts RUNTIME: the files that must exist before starting.
needed_artefacts() {
  if [[ $1 == server ]]; then
    server_ear
  else
    local rt rars
    rt=$(micro_runtime_dir)
    rars=("$rt"/activemq-rar-*.rar)
    printf '%s\n' "$(micro_war)" "$rt/payara-micro.jar" "$rt/pre-boot.asadmin" "$rt/post-boot.asadmin" "${rars[0]}"
  fi
  node_agent_jar
}

# sources_newer_than FILE: prints one source file (under */src, or a pom.xml) newer than FILE.
sources_newer_than() {
  find "$REPO" \( -name target -o -name .git -o -path "$PILOTHOUSE_HOME" -o -path "$REPO/.pilothouse" \) -prune \
    -o -type f \( -path '*/src/*' -o -name pom.xml \) -newer "$1" -print -quit
}

# The build stamp: touched when a build starts, kept when it succeeds (Maven may leave an
# up-to-date archive untouched, so the archive's own time alone would rebuild forever).
build_stamp() { printf '%s/build.stamp' "$RUN_DIR"; }

# needs_build RUNTIME: an artefact is missing, or a source is newer than the deployable and the
# last successful build.
needs_build() {
  local file deployable reference
  while read -r file; do
    [[ -f $file ]] || return 0
  done < <(needed_artefacts "$1")
  deployable=$(needed_artefacts "$1" | head -n 1)
  reference=$deployable
  [[ $(build_stamp) -nt $reference ]] && reference=$(build_stamp)
  [[ -n $(sources_newer_than "$reference") ]]
}

# artefacts_missing RUNTIME: prints the first missing artefact.
artefacts_missing() {
  local file
  while read -r file; do
    [[ -f $file ]] || { printf '%s\n' "$file"; return 0; }
  done < <(needed_artefacts "$1")
}

# build_modules RUNTIME: the Maven modules (with what they need) that RUNTIME runs.
build_modules() {
  case $1 in
    server) printf 'ear,node-agent' ;;
    *) printf 'micro-war,node-agent' ;;
  esac
}

# run_build [RUNTIME]: mvn install of what the runtime needs, without compiling or running tests,
# output to the build log.
run_build() {
  require_mvn
  local -a cmd=(mvn -B -q install -pl "$(build_modules "${1:-micro}")" -am -Dmaven.test.skip=true)
  say "building (${cmd[*]}; log: $BUILD_LOG) ..."
  log_mark "$BUILD_LOG" "${cmd[*]}"
  local started=$SECONDS
  touch "$(build_stamp).new"
  if ! (cd "$REPO" && "${cmd[@]}") >>"$BUILD_LOG" 2>&1; then
    rm -f "$(build_stamp).new"
    die "the build failed$(build_failure_reason)" "$BUILD_LOG"
  fi
  mv -f "$(build_stamp).new" "$(build_stamp)"
  say "build done in $((SECONDS - started)) s"
}

# build_failure_reason: ": <project>: <goal>: <message>" from the last build's first Maven error.
build_failure_reason() {
  awk '/^==== pilothouse / { n = NR } { line[NR] = $0 } END { for (i = n; i <= NR; i++) print line[i] }' "$BUILD_LOG" |
    sed -n 's/^.*Failed to execute goal \([^ ]*\) .* on project \([^:]*\): \(.*\)$/: \2: \1: \3/p' |
    head -n 1 | cut -c1-200
}

# build_if_needed RUNTIME
build_if_needed() {
  local missing
  if [[ -n ${PILOTHOUSE_NO_BUILD:-} ]]; then
    missing=$(artefacts_missing "$1")
    [[ -z $missing ]] || die "--no-build, but $missing is missing"
    return 0
  fi
  needs_build "$1" || return 0
  run_build "$1"
  missing=$(artefacts_missing "$1")
  [[ -z $missing ]] || die "the build did not produce $missing" "$BUILD_LOG"
}
