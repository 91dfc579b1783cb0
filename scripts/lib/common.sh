# shellcheck shell=bash
# Pilothouse start script: configuration, messages, processes, HTTP probes.
# Sourced by ./pilothouse; expects REPO (absolute path of the repository root).

# ---- configuration (environment variables with defaults) -------------------------------------

# Sets the PILOTHOUSE_* variables and the derived paths; relative paths are made absolute.
load_config() {
  PILOTHOUSE_HOME=$(realpath -m "${PILOTHOUSE_HOME:-$REPO/.pilothouse}")
  PILOTHOUSE_DATA=$(realpath -m "${PILOTHOUSE_DATA:-$PILOTHOUSE_HOME/data}")
  PILOTHOUSE_PORT=${PILOTHOUSE_PORT:-8080}
  PILOTHOUSE_RUNTIME=${PILOTHOUSE_RUNTIME:-micro}
  PILOTHOUSE_JAVA_OPTS=${PILOTHOUSE_JAVA_OPTS:--Xmx1500m}
  PILOTHOUSE_READY_TIMEOUT=${PILOTHOUSE_READY_TIMEOUT:-180}
  PILOTHOUSE_NODES=${PILOTHOUSE_NODES:-2}
  PILOTHOUSE_NODE_JAVA_OPTS=${PILOTHOUSE_NODE_JAVA_OPTS:--Xmx256m}
  RUN_DIR=$PILOTHOUSE_HOME/run
  LOG_DIR=$PILOTHOUSE_HOME/logs
  BUILD_LOG=$LOG_DIR/build.log
  KUBECONFIG_FILE=$PILOTHOUSE_HOME/kubeconfig
}

# Fails unless the configuration values are well-formed.
validate_config() {
  if ! [[ $PILOTHOUSE_PORT =~ ^[0-9]+$ ]] || ((PILOTHOUSE_PORT < 1 || PILOTHOUSE_PORT > 65535)); then
    die "PILOTHOUSE_PORT/--port must be a TCP port number, not '$PILOTHOUSE_PORT'"
  fi
  [[ $PILOTHOUSE_RUNTIME == micro || $PILOTHOUSE_RUNTIME == server ]] ||
    die "PILOTHOUSE_RUNTIME must be 'micro' or 'server', not '$PILOTHOUSE_RUNTIME'"
  if ! [[ $PILOTHOUSE_NODES =~ ^[0-9]+$ ]] || ((PILOTHOUSE_NODES > 50)); then
    die "PILOTHOUSE_NODES/--nodes must be a number from 0 to 50, not '$PILOTHOUSE_NODES'"
  fi
  [[ $PILOTHOUSE_READY_TIMEOUT =~ ^[0-9]+$ ]] ||
    die "PILOTHOUSE_READY_TIMEOUT must be a number of seconds, not '$PILOTHOUSE_READY_TIMEOUT'"
}

ensure_dirs() {
  mkdir -p "$RUN_DIR" "$LOG_DIR" "$PILOTHOUSE_DATA"
}

# ---- messages ----------------------------------------------------------------------------------

say() { printf 'pilothouse: %s\n' "$*"; }
warn() { printf 'pilothouse: warning: %s\n' "$*" >&2; }

# die MESSAGE [LOG]: one line on stderr (with the log to read, if any), exit 1.
die() {
  if [[ -n ${2:-} ]]; then
    printf 'pilothouse: error: %s (log: %s)\n' "$1" "$2" >&2
  else
    printf 'pilothouse: error: %s\n' "$1" >&2
  fi
  exit 1
}

# Appends a time-stamped marker line to a log file.
log_mark() {
  printf '==== pilothouse %s: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$2" >>"$1"
}

# ---- per-component state under $RUN_DIR: NAME.pid and NAME.info (key=value lines) ----------------

pid_file() { printf '%s/%s.pid' "$RUN_DIR" "$1"; }
info_file() { printf '%s/%s.info' "$RUN_DIR" "$1"; }
component_log() { printf '%s/%s.log' "$LOG_DIR" "$1"; }

# info_get NAME KEY: prints the value recorded for a component, or nothing.
info_get() {
  local file
  file=$(info_file "$1")
  [[ -f $file ]] || return 0
  sed -n "s/^$2=//p" "$file" | head -n 1
}

# record_component NAME PID KEY=VALUE...: writes the pid file and the info file.
record_component() {
  local name=$1 pid=$2
  shift 2
  printf '%s\n' "$@" >"$(info_file "$name")"
  printf '%s\n' "$pid" >"$(pid_file "$name")"
}

forget_component() {
  rm -f "$(pid_file "$1")" "$(info_file "$1")"
}

# recorded_pid NAME: the pid from the component's pid file, or nothing.
recorded_pid() {
  local file
  file=$(pid_file "$1")
  [[ -f $file ]] && tr -dc '0-9' <"$file"
  return 0
}

# pid_is_ours PID: the process exists and its command line mentions $PILOTHOUSE_HOME
# (guards against a recycled pid).
pid_is_ours() {
  local pid=$1
  [[ -n $pid && -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$PILOTHOUSE_HOME"
}

# component_running NAME: its recorded process is alive.
component_running() {
  pid_is_ours "$(recorded_pid "$1")"
}

# Names of the components with a pid file, in no particular order.
recorded_components() {
  local file
  for file in "$RUN_DIR"/*.pid; do
    [[ -e $file ]] || continue
    basename "$file" .pid
  done
}

# wait_gone PID SECONDS: 0 once the process has ended, 1 if it is still there after SECONDS.
wait_gone() {
  local pid=$1 tenths=$(($2 * 10))
  while ((tenths-- > 0)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  ! kill -0 "$pid" 2>/dev/null
}

# terminate_pid PID: TERM, up to 20 s grace, then KILL.
terminate_pid() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  wait_gone "$pid" 20 && return 0
  warn "process $pid ignored TERM for 20 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  wait_gone "$pid" 5 || warn "process $pid is still there after KILL"
}

# ---- network (loopback only) -----------------------------------------------------------------

# port_in_use PORT: something accepts connections on 127.0.0.1:PORT.
port_in_use() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# probe PATH [PORT]: prints "HTTP_CODE BODY" of GET http://127.0.0.1:PORT/PATH ("000" if no answer).
probe() {
  local port=${2:-$PILOTHOUSE_PORT} out
  out=$(curl -s --max-time 3 --noproxy '*' -w '\n%{http_code}' "http://127.0.0.1:$port$1" 2>/dev/null) || true
  printf '%s %s\n' "${out##*$'\n'}" "${out%$'\n'*}"
}

# is_ready PORT: /readyz answers 200 "ok".
is_ready() {
  [[ $(probe /readyz "$1") == "200 ok" ]]
}

# deploy_failed LOG OFFSET: the log, from byte OFFSET on, reports a failed deployment.
deploy_failed() {
  tail -c +"$(($2 + 1))" "$1" 2>/dev/null | grep -q -e 'Exception while deploying the app'
}

# log_size LOG: its size in bytes (0 if absent).
log_size() {
  stat -c %s "$1" 2>/dev/null || echo 0
}

# wait_ready PORT DEADLINE PID LOG OFFSET: 0 once /readyz answers "ok"; 1 if process PID ends
# first; 2 when DEADLINE (epoch seconds) passes; 3 when LOG (after OFFSET) reports a failed deployment.
wait_ready() {
  local port=$1 deadline=$2 pid=$3 log=$4 offset=$5
  until is_ready "$port"; do
    kill -0 "$pid" 2>/dev/null || return 1
    deploy_failed "$log" "$offset" && return 3
    (($(date +%s) < deadline)) || return 2
    sleep 1
  done
}
