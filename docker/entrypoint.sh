#!/usr/bin/env bash
# The container's entrypoint. mysqlslice commands (daemon, sync, verify, status, schema ...) run
# the jar with the mounted config; "healthcheck" asks a running daemon's /health; anything else
# runs as given (e.g. bash). Settings, all from the environment:
#   MYSQLSLICE_JAR           the runnable jar
#   MYSQLSLICE_CONFIG        the config file, mounted read-only (default /etc/mysqlslice/mysqlslice.yaml)
#   MYSQLSLICE_METRICS_PORT  where the daemon serves /metrics and /health (0: off)
#   JAVA_OPTS                JVM options
set -euo pipefail

jar="${MYSQLSLICE_JAR:-/opt/mysqlslice/mysqlslice.jar}"
config="${MYSQLSLICE_CONFIG:-/etc/mysqlslice/mysqlslice.yaml}"
metrics_port="${MYSQLSLICE_METRICS_PORT:-9464}"

health() {
  if [[ "$metrics_port" == 0 ]]; then
    echo "mysqlslice-entrypoint: healthcheck needs MYSQLSLICE_METRICS_PORT (metrics are off)" >&2
    return 1
  fi
  local status
  exec 3<>"/dev/tcp/127.0.0.1/$metrics_port" || return 1
  printf 'GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  IFS= read -r -t 4 status <&3 || status=""
  exec 3<&- 3>&-
  [[ "$status" == *" 200 "* ]]
}

has_flag() {
  local flag="$1"; shift
  for arg in "$@"; do
    [[ "$arg" == "$flag" || "$arg" == "$flag="* ]] && return 0
  done
  return 1
}

command="${1:-daemon}"
case "$command" in
  healthcheck)
    health
    ;;
  daemon|sync|verify|status|schema|pull-schema|pull_schema|pull-slice|pull_slice)
    [[ $# -gt 0 ]] && shift
    args=("$command")
    if [[ "$command" == schema && $# -gt 0 ]]; then
      args+=("$1")
      shift
    fi
    if ! has_flag --config "$@"; then
      if [[ ! -r "$config" ]]; then
        echo "mysqlslice-entrypoint: error: config file $config is missing or unreadable; mount it (-v ./mysqlslice.yaml:$config:ro) or set MYSQLSLICE_CONFIG" >&2
        exit 2
      fi
      args+=(--config "$config")
    fi
    if [[ "$command" == daemon ]] && ! has_flag --metrics-port "$@"; then
      args+=(--metrics-port "$metrics_port")
    fi
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    exec java ${JAVA_OPTS:-} -jar "$jar" "${args[@]}" "$@"
    ;;
  --help|--version|-h|-V)
    exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
    ;;
  *)
    exec "$@"
    ;;
esac
