# shellcheck shell=bash
# Pilothouse start script: the control plane on Payara Micro (the WAR).

micro_root_dir() { printf '%s/micro' "$RUN_DIR"; }

# micro_pre_boot RUNTIME_DIR: writes the pre-boot commands (the build's, then ours) into the root
# directory and prints the file's path. Ours put Payara's data grid (Hazelcast, port 6900), which
# binds to every interface even with --nocluster, on 127.0.0.1 (with -Dhazelcast.socket.bind.any=false).
# It cannot simply be turned off: EJB timers on Micro are stored in it.
micro_pre_boot() {
  local file
  file=$(micro_root_dir)/pre-boot.asadmin
  {
    cat "$1/pre-boot.asadmin"
    printf '\n%s\n' "set hazelcast-runtime-configuration.interface=127.0.0.1"
  } >"$file"
  printf '%s' "$file"
}

# micro_command PORT: prints the java command line, one argument per line.
micro_command() {
  local port=$1 rt
  rt=$(micro_runtime_dir)
  local -a opts=()
  read -r -a opts <<<"$PILOTHOUSE_JAVA_OPTS"
  printf '%s\n' "$JAVA" "${opts[@]}" \
    "-Dpilothouse.data=$PILOTHOUSE_DATA" \
    -Dhazelcast.socket.bind.any=false -Dhazelcast.phone.home.enabled=false \
    "-Dorg.apache.activemq.default.directory.prefix=$PILOTHOUSE_DATA/" \
    -jar "$rt/payara-micro.jar" --nocluster --disablephonehome --port "$port" --rootdir "$(micro_root_dir)" \
    --prebootcommandfile "$(micro_pre_boot "$rt")" --postbootcommandfile "$rt/post-boot.asadmin" \
    --contextroot / --deploy "$(micro_war)"
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
  local name=$1 port=$2 deadline=$3 log pidfile pid="" offset
  log=$(component_log "$name")
  pidfile=$(pid_file "$name").new
  rm -rf "$(micro_root_dir)" "$pidfile"
  mkdir -p "$(micro_root_dir)"
  log_mark "$log" "starting Payara Micro on 127.0.0.1:$port (data: $PILOTHOUSE_DATA)"
  offset=$(log_size "$log")
  micro_launch "$port" "$log" "$pidfile"
  local tries=50
  while [[ ! -s $pidfile ]] && ((tries-- > 0)); do sleep 0.1; done
  pid=$(tr -dc '0-9' <"$pidfile" 2>/dev/null) || true
  rm -f "$pidfile"
  [[ -n $pid ]] || die "Payara Micro did not start" "$log"
  record_component "$name" "$pid" runtime=micro "port=$port" "log=$log"
  say "Payara Micro started (pid $pid); waiting for http://127.0.0.1:$port/readyz ..."
  local rc=0
  wait_ready "$port" "$deadline" "$pid" "$log" "$offset" || rc=$?
  ((rc == 0)) && return 0
  stop_component "$name"
  case $rc in
    1) die "Payara Micro exited during start-up" "$log" ;;
    3) die "deploying the WAR failed (stopped Payara Micro again)" "$log" ;;
    *) die "the control plane was not ready within ${PILOTHOUSE_READY_TIMEOUT} s (stopped it again)" "$log" ;;
  esac
}
