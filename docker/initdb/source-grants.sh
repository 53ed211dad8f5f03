#!/usr/bin/env bash
# Source: the least privileges mysqlslice needs to read tables and follow the binlog, plus demo rows.
set -euo pipefail
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE USER 'mysqlslice'@'%' IDENTIFIED BY '${MYSQLSLICE_SOURCE_PASSWORD}';
GRANT SELECT, LOCK TABLES ON app.* TO 'mysqlslice'@'%';  -- LOCK TABLES: the daemon's locking reads (MySQL 8.0.22+)
GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'mysqlslice'@'%';
INSERT INTO app.items (name, price) VALUES ('first', 1.50), ('second', NULL), ('third', 3.00);
SQL
