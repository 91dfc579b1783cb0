# shellcheck shell=bash
# Pilothouse start script: the control plane on Payara Micro (the WAR).

micro_root_dir() { printf '%s/micro' "$RUN_DIR"; }

# micro_command PORT: prints the java command line, one argument per line.
micro_command() {
  local port=$1 rt rar
  rt=$(micro_runtime_dir)
  rar=$(ls "$rt"/activemq-rar-*.rar 2>/dev/null | head -n 1)
  local -a opts=()
  read -r -a opts <<<"$PILOTHOUSE_JAVA_OPTS"
  printf '%s\n' "$JAVA" "${opts[@]}" \
    "-Dpilothouse.data=$PILOTHOUSE_DATA" \
    "-Dorg.apache.activemq.default.directory.prefix=$PILOTHOUSE_DATA/" \
    -jar "$rt/payara-micro.jar" --nocluster --port "$port" --rootdir "$(micro_root_dir)" \
    --prebootcommandfile "$rt/pre-boot.asadmin" --postbootcommandfile "$rt/post-boot.asadmin" \
    --contextroot / --deploy "$(micro_war)"
  [[ -n $rar ]]
}

# micro_launch PORT LOG PIDFILE: starts Micro in its own session, detached, in the background;
# the launched process writes its own pid (it execs java, so the pid stays valid).
micro_launch() {
  local port=$1 log=$2 pidfile=$3
  local -a cmd=()
  mapfile -t cmd < <(micro_command "$port")
  (
    cd "$(micro_root_dir)"
    export PILOTHOUSE_DATA
    [[ -n ${PILOTHOUSE_DATABASE_URL:-} ]] && export PILOTHOUSE_DATABASE_URL
    # shellcheck disable=SC2016 # $$ and $@ belong to the inner shell
    exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "${cmd[@]}"
  ) </dev/null >>"$log" 2>&1 &
}

# micro_start NAME PORT DEADLINE: starts the WAR on Micro and records the component; on failure
# stops what it started and exits with one line.
micro_start() {
  local name=$1 port=$2 deadline=$3 log pidfile pid=""
  log=$(component_log "$name")
  pidfile=$(pid_file "$name").new
  rm -rf "$(micro_root_dir)" "$pidfile"
  mkdir -p "$(micro_root_dir)"
  log_mark "$log" "starting Payara Micro on 127.0.0.1:$port (data: $PILOTHOUSE_DATA)"
  micro_launch "$port" "$log" "$pidfile"
  local tries=50
  while [[ ! -s $pidfile ]] && ((tries-- > 0)); do sleep 0.1; done
  pid=$(tr -dc '0-9' <"$pidfile" 2>/dev/null) || true
  rm -f "$pidfile"
  [[ -n $pid ]] || die "Payara Micro did not start" "$log"
  record_component "$name" "$pid" runtime=micro "port=$port" "log=$log"
  say "Payara Micro started (pid $pid); waiting for http://127.0.0.1:$port/readyz ..."
  local rc=0
  wait_ready "$port" "$deadline" "$pid" || rc=$?
  ((rc == 0)) && return 0
  stop_component "$name"
  ((rc == 1)) && die "Payara Micro exited during start-up" "$log"
  die "the control plane was not ready within ${PILOTHOUSE_READY_TIMEOUT} s (stopped it again)" "$log"
}

# micro_stop NAME: TERM (20 s grace), then KILL.
micro_stop() {
  local pid
  pid=$(recorded_pid "$1")
  pid_is_ours "$pid" || return 0
  say "stopping $1 (Payara Micro, pid $pid) ..."
  terminate_pid "$pid"
}
