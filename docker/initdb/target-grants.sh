#!/usr/bin/env bash
# Target: mysqlslice writes the synced tables and its checkpoint table in the target database.
set -euo pipefail
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE USER 'mysqlslice'@'%' IDENTIFIED BY '${MYSQLSLICE_TARGET_PASSWORD}';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, CREATE TEMPORARY TABLES ON app.* TO 'mysqlslice'@'%';
SQL
