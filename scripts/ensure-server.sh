#!/usr/bin/env bash
# Makes sure a MariaDB or MySQL server binary exists, installing MariaDB from Debian packages if not.
# Run by ./run-tests, ./demo and ./mysqlslice-bench (executed, not sourced); safe to run many times.
set -euo pipefail

have_server() {
  command -v mariadbd >/dev/null 2>&1 || [[ -x /usr/sbin/mariadbd ]] \
    || command -v mysqld >/dev/null 2>&1 || [[ -x /usr/sbin/mysqld ]]
}

if ! have_server; then
  echo "Installing MariaDB server packages (apt-get install mariadb-server) ..." >&2
  sudo=""
  if [[ "$(id -u)" -ne 0 ]]; then
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq mariadb-server >/dev/null
fi
