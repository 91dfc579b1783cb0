# shellcheck shell=bash
# Pilothouse start script: the control plane on Payara Server full (the EAR).

server_home() { printf '%s/server/payara6' "$PILOTHOUSE_HOME"; }
domain_dir() { printf '%s/glassfish/domains/domain1' "$(server_home)"; }
# domain_pid: the running domain's pid, from its pid file or else from its command line (the domain
# may be up before it writes the file).
domain_pid() {
  local file pid=""
  file=$(domain_dir)/config/pid
  [[ -f $file ]] && pid=$(tr -dc '0-9' <"$file")
  if ! pid_is_ours "$pid"; then
    pid=$(grep -laF -- "-Dcom.sun.aas.instanceRoot=$(domain_dir)" /proc/[0-9]*/cmdline 2>/dev/null |
      head -n 1 | cut -d/ -f3) || true
  fi
  printf '%s' "$pid"
}

# Ports the domain opens besides the HTTP port (admin, HTTPS, JMX, IIOP, JMS, data grid).
SERVER_OTHER_PORTS=(4848 8181 8686 3700 7676 4900)

payara_version() {
  sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$REPO/pom.xml" | head -n 1
}

# server_install: unpacks the Payara Server zip (through Maven) once, keeping pristine configs.
server_install() {
  local config
  config=$(domain_dir)/config
  [[ -x $(server_home)/bin/asadmin && -f $config/domain.xml.orig ]] && return 0
  require_mvn
  local gav version
  version=$(payara_version)
  gav=fish.payara.distributions:payara:${version:?no payara.version in pom.xml}:zip
  say "unpacking Payara Server $version into $PILOTHOUSE_HOME/server ..."
  rm -rf "$PILOTHOUSE_HOME/server"
  log_mark "$BUILD_LOG" "mvn dependency:unpack $gav"
  (cd "$REPO" && mvn -B -q -N dependency:unpack "-Dartifact=$gav" "-DoutputDirectory=$PILOTHOUSE_HOME/server" \
    -Dmdep.overWriteReleases=true) \
    >>"$BUILD_LOG" 2>&1 || die "could not unpack $gav" "$BUILD_LOG"
  cp "$config/domain.xml" "$config/domain.xml.orig"
  cp "$config/logging.properties" "$config/logging.properties.orig"
}

# xml_escape TEXT
xml_escape() {
  local s=$1
  s=${s//&/&amp;}
  s=${s//</&lt;}
  s=${s//>/&gt;}
  printf '%s' "$s"
}

# server_jvm_options: the <jvm-options> lines added to server-config.
server_jvm_options() {
  local opt
  local -a opts=()
  read -r -a opts <<<"$PILOTHOUSE_JAVA_OPTS"
  for opt in "${opts[@]}" "-Dpilothouse.data=$PILOTHOUSE_DATA"; do
    printf '                <jvm-options>%s</jvm-options>\n' "$(xml_escape "$opt")"
  done
}

# server_configure PORT LOG: domain.xml from the pristine copy (see payara-loopback-domain.sh), with
# our JVM options; logging.properties: the server log into LOG.
server_configure() {
  local port=$1 log=$2 config
  config=$(domain_dir)/config
  JVM_OPTIONS=$(server_jvm_options) \
    "$REPO/scripts/payara-loopback-domain.sh" "$config/domain.xml.orig" "$config/domain.xml" "$port"
  sed "s|^com.sun.enterprise.server.logging.GFFileHandler.file=.*|com.sun.enterprise.server.logging.GFFileHandler.file=$log|" \
    "$config/logging.properties.orig" >"$config/logging.properties"
  rm -rf "$(domain_dir)/applications/pilothouse" "$(domain_dir)/generated" "$(domain_dir)/osgi-cache"
}

# server_start NAME PORT DEADLINE: start-domain, deploy the EAR, wait for readiness; on failure
# stops the domain again and exits with one line.
server_start() {
  local name=$1 port=$2 deadline=$3 log pid
  log=$(component_log "$name")
  server_install
  local other
  for other in "${SERVER_OTHER_PORTS[@]}"; do
    port_in_use "$other" && die "port $other (needed by Payara Server) is already in use on 127.0.0.1" "$log"
  done
  server_configure "$port" "$log"
  log_mark "$log" "starting Payara Server domain1 on 127.0.0.1:$port (data: $PILOTHOUSE_DATA)"
  local offset
  offset=$(log_size "$log")
  say "starting Payara Server (domain1, admin on 127.0.0.1:4848) ..."
  local rc=0
  (
    export PILOTHOUSE_DATA
    [[ -n ${PILOTHOUSE_DATABASE_URL:-} ]] && export PILOTHOUSE_DATABASE_URL
    exec timeout "$(remaining "$deadline")" setsid env AS_JAVA="$JAVA_HOME_DIR" \
      "$(server_home)/bin/asadmin" start-domain domain1
  ) </dev/null >>"$log" 2>&1 || rc=$?
  pid=$(domain_pid)
  pid_is_ours "$pid" && server_record "$name" "$pid" "$port" "$log"
  ((rc != 124)) || server_fail "$name" "Payara Server did not start within ${PILOTHOUSE_READY_TIMEOUT} s" "$log"
  ((rc == 0)) || server_fail "$name" "Payara Server did not start (asadmin start-domain failed)" "$log"
  say "Payara Server started (pid $pid); deploying $(server_ear) ..."
  timeout "$(remaining "$deadline")" env AS_JAVA="$JAVA_HOME_DIR" "$(server_home)/bin/asadmin" \
    deploy --force=true --name pilothouse --contextroot / "$(server_ear)" </dev/null >>"$log" 2>&1 ||
    server_fail "$name" "deploying the EAR failed or timed out" "$log"
  rc=0
  wait_ready "$port" "$deadline" "$pid" "$log" "$offset" || rc=$?
  ((rc == 0)) && return 0
  ((rc == 1)) && server_fail "$name" "Payara Server exited during start-up" "$log"
  ((rc == 3)) && server_fail "$name" "deploying the EAR failed" "$log"
  server_fail "$name" "the control plane was not ready within ${PILOTHOUSE_READY_TIMEOUT} s" "$log"
}

# remaining DEADLINE: seconds left (at least 1).
remaining() {
  local left=$(($1 - $(date +%s)))
  ((left > 0)) || left=1
  printf '%s' "$left"
}

# server_record NAME PID PORT LOG
server_record() {
  record_component "$1" "$2" runtime=server "port=$3" "log=$4" "java_home=$JAVA_HOME_DIR"
}

# server_fail NAME MESSAGE LOG: stops the domain if it runs, then exits with one line.
server_fail() {
  local pid
  pid=$(domain_pid)
  pid_is_ours "$pid" && ! component_running "$1" && server_record "$1" "$pid" "$PILOTHOUSE_PORT" "$3"
  stop_component "$1"
  die "$2 (stopped it again)" "$3"
}

# server_stop NAME: asadmin stop-domain, then TERM/KILL if the process is still there.
server_stop() {
  local pid log java_home
  pid=$(recorded_pid "$1")
  pid_is_ours "$pid" || return 0
  log=$(component_log "$1")
  java_home=$(info_get "$1" java_home)
  say "stopping $1 (Payara Server domain1, pid $pid) ..."
  timeout 60 env AS_JAVA="${java_home:-${JAVA_HOME:-}}" "$(server_home)/bin/asadmin" stop-domain domain1 \
    </dev/null >>"$log" 2>&1 || warn "asadmin stop-domain failed; terminating pid $pid"
  wait_gone "$pid" 20 || terminate_pid "$pid"
}
