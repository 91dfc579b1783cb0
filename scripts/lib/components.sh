# shellcheck shell=bash
# Pilothouse start script: the components `up` starts and `down` stops.
#
# Each component NAME has $RUN_DIR/NAME.pid, $RUN_DIR/NAME.info (runtime=, port=, log=, ...) and
# $LOG_DIR/NAME.log. `up` starts COMPONENTS in order, `down` stops them in reverse order (and then
# any other component with a pid file): the control plane, then the node agents node-1..node-N.

# components: the names `up` starts, in order (set COMPONENTS after load_config).
set_components() {
  local -a nodes=()
  mapfile -t nodes < <(node_names)
  COMPONENTS=(control-plane "${nodes[@]}")
}

# start_component NAME
start_component() {
  case $1 in
    control-plane) start_control_plane ;;
    node-*) start_node "$1" ;;
    *) die "don't know how to start component '$1'" ;;
  esac
}

# stop_component NAME: stops it by its recorded pid and removes its pid and info files.
stop_component() {
  local name=$1 pid
  pid=$(recorded_pid "$name")
  if pid_is_ours "$pid"; then
    case $(info_get "$name" runtime) in
      server) server_stop "$name" ;;
      *) generic_stop "$name" ;;
    esac
  fi
  [[ $name == control-plane && $(info_get "$name" runtime) == micro ]] && rm -rf "$(micro_root_dir)"
  forget_component "$name"
}

# generic_stop NAME: TERM (20 s grace), then KILL; works for Micro and for agents (an agent stops
# its pods' processes on TERM before it exits).
generic_stop() {
  local pid
  pid=$(recorded_pid "$1")
  say "stopping $1 ($(info_get "$1" runtime), pid $pid) ..."
  terminate_pid "$pid"
}

# components_to_stop: COMPONENTS in reverse, then any other recorded component.
components_to_stop() {
  local i name
  for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do
    printf '%s\n' "${COMPONENTS[i]}"
  done
  while read -r name; do
    [[ " ${COMPONENTS[*]} " == *" $name "* ]] || printf '%s\n' "$name"
  done < <(recorded_components)
}

# forget_stale: removes pid files whose process is gone (or is not ours).
forget_stale() {
  local name
  while read -r name; do
    component_running "$name" || forget_component "$name"
  done < <(recorded_components)
}

# start_control_plane: checks the port, builds if needed, starts the chosen runtime; the readiness
# timeout counts from the end of the build.
start_control_plane() {
  local deadline port=$PILOTHOUSE_PORT log
  log=$(component_log control-plane)
  port_in_use "$port" && die "port $port is already in use on 127.0.0.1 (choose another with --port or PILOTHOUSE_PORT)" "$log"
  build_if_needed "$PILOTHOUSE_RUNTIME"
  deadline=$(($(date +%s) + PILOTHOUSE_READY_TIMEOUT))
  if [[ $PILOTHOUSE_RUNTIME == server ]]; then
    server_start control-plane "$port" "$deadline"
  else
    micro_start control-plane "$port" "$deadline"
  fi
}

# write_kubeconfig PORT
write_kubeconfig() {
  local tmp=$KUBECONFIG_FILE.tmp
  cat >"$tmp" <<YAML
apiVersion: v1
kind: Config
clusters:
- name: pilothouse
  cluster:
    server: http://127.0.0.1:$1
users:
- name: pilothouse-admin
  user:
    # Placeholder: the control plane does not authenticate yet.
    token: pilothouse-admin-placeholder
contexts:
- name: pilothouse
  context:
    cluster: pilothouse
    user: pilothouse-admin
current-context: pilothouse
YAML
  chmod 600 "$tmp"
  mv -f "$tmp" "$KUBECONFIG_FILE"
}

# print_endpoints PORT: the URLs, the nodes, the KUBECONFIG line and the log.
print_endpoints() {
  local nodes="none (--nodes 0)"
  ((${#COMPONENTS[@]} > 1)) && nodes="${COMPONENTS[*]:1}   (logs: ./pilothouse logs ${COMPONENTS[1]})"
  cat <<TEXT
  API:        http://127.0.0.1:$1/api
  Dashboard:  http://127.0.0.1:$1/dashboard/
  Nodes:      $nodes
  Kubeconfig: export KUBECONFIG=$KUBECONFIG_FILE
  Log:        $(component_log control-plane)   (./pilothouse logs -f)
TEXT
}

# runtime_label RUNTIME
runtime_label() {
  if [[ $1 == server ]]; then echo "Payara Server"; else echo "Payara Micro"; fi
}
