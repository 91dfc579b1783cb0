# shellcheck shell=bash
# Pilothouse start script: the local worker nodes, node-1..node-N, each a node agent process
# (node-agent/target/node-agent.jar, process runtime) with its own node IP, pod CIDR and root
# directory under $PILOTHOUSE_HOME/nodes/, talking to the control plane through the kubeconfig.

node_agent_jar() { printf '%s/node-agent/target/node-agent.jar' "$REPO"; }

# node_names: node-1 .. node-$PILOTHOUSE_NODES, one per line.
node_names() {
  local i
  for ((i = 1; i <= PILOTHOUSE_NODES; i++)); do
    printf 'node-%d\n' "$i"
  done
}

# node_index NAME: N of node-N.
node_index() { printf '%s' "${1#node-}"; }

# node_ip NAME: the node's InternalIP, 127.0.1.N; the kubelet listens there.
node_ip() { printf '127.0.1.%s' "$(node_index "$1")"; }

# node_pod_cidr NAME: the node's pod CIDR, 127.201.N.0/24 (pod IPs are loopback addresses).
node_pod_cidr() { printf '127.201.%s.0/24' "$(node_index "$1")"; }

node_root_dir() { printf '%s/nodes/%s' "$PILOTHOUSE_HOME" "$1"; }

# node_command NAME: prints the agent's command line, one argument per line.
node_command() {
  local name=$1
  local -a opts=()
  read -r -a opts <<<"$PILOTHOUSE_NODE_JAVA_OPTS"
  printf '%s\n' "$JAVA" "${opts[@]}" -jar "$(node_agent_jar)" \
    --kubeconfig "$KUBECONFIG_FILE" --node-name "$name" --node-ip "$(node_ip "$name")" \
    --pod-cidr "$(node_pod_cidr "$name")" --root-dir "$(node_root_dir "$name")"
}

# start_node NAME: starts the agent detached in its own session, records it and waits until its
# Node reports Ready (the control plane must be up and the kubeconfig written).
start_node() {
  local name=$1 log pidfile pid="" port
  log=$(component_log "$name")
  pidfile=$(pid_file "$name").new
  port=$(info_get control-plane port)
  [[ -f $(node_agent_jar) ]] || die "$(node_agent_jar) is missing: build first (./pilothouse up builds it)"
  mkdir -p "$(node_root_dir "$name")"
  log_mark "$log" "starting node agent $name ($(node_ip "$name"), pods $(node_pod_cidr "$name"))"
  local -a cmd=()
  mapfile -t cmd < <(node_command "$name")
  (
    cd "$(node_root_dir "$name")"
    # shellcheck disable=SC2016 # $$ and $@ belong to the inner shell
    exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "${cmd[@]}"
  ) </dev/null >>"$log" 2>&1 &
  local tries=50
  while [[ ! -s $pidfile ]] && ((tries-- > 0)); do sleep 0.1; done
  pid=$(tr -dc '0-9' <"$pidfile" 2>/dev/null) || true
  rm -f "$pidfile"
  [[ -n $pid ]] || die "node agent $name did not start" "$log"
  record_component "$name" "$pid" runtime=node-agent "port=$port" "log=$log" "ip=$(node_ip "$name")"
  say "node $name started (pid $pid, $(node_ip "$name")); waiting until it is Ready ..."
  local deadline=$(($(date +%s) + 60))
  until node_ready "$name" "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      forget_component "$name"
      die "node agent $name exited during start-up" "$log"
    fi
    if (($(date +%s) >= deadline)); then
      stop_component "$name"
      die "node $name was not Ready within 60 s (stopped it again)" "$log"
    fi
    sleep 0.5
  done
}

# node_ready NAME PORT: the Node's Ready condition is True.
node_ready() {
  curl -s --max-time 3 --noproxy '*' "http://127.0.0.1:$2/api/v1/nodes/$1" 2>/dev/null |
    tr -d ' \n' | grep -oE '\{[^{}]*"type":"Ready"[^{}]*\}' | grep -q '"status":"True"'
}
