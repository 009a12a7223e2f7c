#!/usr/bin/env bash
# A streaming read replica of the local PostgreSQL for the replica tests (apps/api/test/replica) and for trying
# DATABASE_READ_URL by hand:
#   bash scripts/replica.sh start   # primary on 127.0.0.1:5432 → hot standby on 127.0.0.1:5433 (idempotent)
#   bash scripts/replica.sh stop    # stops the standby and deletes its data directory
#   bash scripts/replica.sh status
# Works on a fresh Debian machine as root (CI) or as the postgres user: it allows replication on the primary
# (wal_level, max_wal_senders, a pg_hba line for 127.0.0.1) and reloads or restarts the primary only when needed.
# Settings: PRIMARY_PORT (5432), REPLICA_PORT (5433), REPLICA_DIR (/var/lib/postgresql/lumen-replica-<port>).
set -euo pipefail

PRIMARY_HOST=127.0.0.1
PRIMARY_PORT="${PRIMARY_PORT:-5432}"
REPLICA_PORT="${REPLICA_PORT:-5433}"
REPLICA_DIR="${REPLICA_DIR:-/var/lib/postgresql/lumen-replica-${REPLICA_PORT}}"
PG_VERSION="$(ls /usr/lib/postgresql | sort -V | tail -1)"
BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
LOG="${REPLICA_DIR}.log"

log() { printf 'replica: %s\n' "$*"; }
die() { printf 'replica: %s\n' "$*" >&2; exit 1; }
# PostgreSQL's binaries refuse to run as root: run them as the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
primary_sql() { psql -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -AtXqc "$1"; }
replica_sql() { psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -AtXqc "$1"; }
running() { [ -f "$REPLICA_DIR/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$REPLICA_DIR" status >/dev/null 2>&1; }
# Waits up to $1 seconds for the command that follows to succeed.
wait_for() {
  local seconds="$1"
  shift
  for _ in $(seq 1 $((seconds * 5))); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  return 1
}

allow_replication() {
  local restart=0 hba
  case "$(primary_sql 'show wal_level')" in
    replica | logical) ;;
    *)
      log "primary: wal_level=replica"
      primary_sql "ALTER SYSTEM SET wal_level = 'replica'"
      restart=1
      ;;
  esac
  if [ "$(primary_sql 'show max_wal_senders')" -lt 2 ]; then
    log "primary: max_wal_senders=10"
    primary_sql "ALTER SYSTEM SET max_wal_senders = 10"
    restart=1
  fi
  hba="$(primary_sql 'show hba_file')"
  if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+(all|postgres)[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
    log "primary: allowing replication from 127.0.0.1 in $hba"
    printf '\n# lumen read replica (scripts/replica.sh)\nhost replication postgres 127.0.0.1/32 trust\n' >>"$hba"
    primary_sql "SELECT pg_reload_conf()" >/dev/null
  fi
  if [ "$restart" = 1 ]; then
    log "primary: restarting to apply wal settings"
    pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main restart
    wait_for 30 pg_isready -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" || die "the primary did not come back"
  fi
}

create_standby() {
  log "base backup of ${PRIMARY_HOST}:${PRIMARY_PORT} into ${REPLICA_DIR}"
  rm -rf "$REPLICA_DIR"
  install -d -o postgres -g postgres -m 700 "$REPLICA_DIR"
  # -R writes standby.signal and primary_conninfo; -X stream carries the WAL written during the copy.
  as_pg "$BIN/pg_basebackup" -d "host=$PRIMARY_HOST port=$PRIMARY_PORT user=postgres application_name=lumen_replica" \
    -D "$REPLICA_DIR" -R -X stream -c fast
  # Debian keeps the configuration outside the data directory: the standby gets its own. A hot standby needs
  # these limits at least as high as the primary's.
  local setting
  {
    echo "# written by scripts/replica.sh"
    echo "port = ${REPLICA_PORT}"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '/var/run/postgresql'"
    echo "hot_standby = on"
    echo "hot_standby_feedback = on"
    echo "shared_buffers = '32MB'"
    for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions \
      max_locks_per_transaction; do
      echo "${setting} = $(primary_sql "show ${setting}")"
    done
  } | as_pg tee "$REPLICA_DIR/postgresql.conf" >/dev/null
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' | as_pg tee "$REPLICA_DIR/pg_hba.conf" >/dev/null
  as_pg touch "$REPLICA_DIR/pg_ident.conf"
}

start() {
  wait_for 30 pg_isready -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" || die "no primary on ${PRIMARY_HOST}:${PRIMARY_PORT}"
  allow_replication
  if running && [ "$(replica_sql 'select pg_is_in_recovery()' 2>/dev/null)" = t ]; then
    log "already running on 127.0.0.1:${REPLICA_PORT}"
  else
    if [ -f "$REPLICA_DIR/PG_VERSION" ]; then as_pg "$BIN/pg_ctl" -D "$REPLICA_DIR" stop -m immediate >/dev/null 2>&1 || true; fi
    # Always a fresh copy: a standby stopped for a while may need WAL the primary has already recycled.
    create_standby
    touch "$LOG" && chown postgres:postgres "$LOG" 2>/dev/null || true
    as_pg "$BIN/pg_ctl" -D "$REPLICA_DIR" -l "$LOG" -w -t 60 start >/dev/null || {
      tail -20 "$LOG" >&2
      die "the standby did not start (log: $LOG)"
    }
  fi
  # A test that paused replay and died must not leave the standby frozen.
  replica_sql "SELECT CASE WHEN pg_is_wal_replay_paused() THEN pg_wal_replay_resume() END" >/dev/null
  wait_for 60 bash -c "[ \"\$(psql -h 127.0.0.1 -p $REPLICA_PORT -U postgres -d postgres -AtXqc \"select status from pg_stat_wal_receiver\")\" = streaming ]" ||
    die "the standby is not streaming from the primary (log: $LOG)"
  log "streaming from ${PRIMARY_HOST}:${PRIMARY_PORT} on 127.0.0.1:${REPLICA_PORT}"
}

stop() {
  if running; then
    as_pg "$BIN/pg_ctl" -D "$REPLICA_DIR" stop -m fast -w >/dev/null
    log "stopped"
  else
    log "not running"
  fi
  rm -rf "$REPLICA_DIR"
}

status() {
  if running; then
    replica_sql "select 'in recovery: ' || pg_is_in_recovery() || ', replay paused: ' || pg_is_wal_replay_paused() || ', receiver: ' || coalesce((select status from pg_stat_wal_receiver), 'none')"
  else
    log "not running"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: $0 start|stop|status" ;;
esac
