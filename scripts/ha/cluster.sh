#!/usr/bin/env bash
# A primary and a synchronous standby on this machine, for the failover test and for trying the
# deployment a real district should run (README: "A standby that loses nothing").
#
#   bash scripts/ha/cluster.sh up   DIR PRIMARY_PORT STANDBY_PORT   # two new clusters, streaming, synchronous
#   bash scripts/ha/cluster.sh kill-primary DIR                     # crash the primary (immediate stop: no checkpoint)
#   bash scripts/ha/cluster.sh promote DIR                          # the standby becomes the primary
#   bash scripts/ha/cluster.sh down DIR                             # stop both and delete DIR
#
# synchronous_commit = remote_apply with the standby named in synchronous_standby_names: a commit
# is acknowledged only once the standby has applied it, so promoting the standby loses no
# acknowledged write. Uses the PostgreSQL binaries of this machine (Debian: /usr/lib/postgresql/N/bin);
# run as root it runs them as the postgres user.
set -euo pipefail

cmd=${1:?usage: cluster.sh up|kill-primary|promote|down DIR [PRIMARY_PORT STANDBY_PORT]}
dir=${2:?DIR}
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}
[ -x "$bin/pg_ctl" ] || { echo "no PostgreSQL binaries (set PG_BIN)" >&2; exit 2; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  up)
    pport=${3:?PRIMARY_PORT}
    sport=${4:?STANDBY_PORT}
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    chmod 700 "$dir"
    as_pg "$bin/initdb" -D "$dir/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    cat >>"$dir/primary/postgresql.conf" <<CONF
port = $pport
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
wal_level = replica
max_wal_senders = 4
wal_keep_size = '256MB'
fsync = on
CONF
    echo "host replication all 127.0.0.1/32 trust" >>"$dir/primary/pg_hba.conf"
    as_pg "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w -t 60 start >/dev/null
    as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$pport" -U postgres -D "$dir/standby" -X stream -R \
      -d "application_name=standby1"
    # Synchronous only now, after the base backup, so the standby's copy of the configuration does
    # not wait for a standby of its own once it is promoted.
    as_pg "$bin/psql" -h 127.0.0.1 -p "$pport" -U postgres -d postgres -qtA \
      -c "alter system set synchronous_standby_names = 'standby1'" \
      -c "alter system set synchronous_commit = 'remote_apply'" -c "select pg_reload_conf()" >/dev/null
    cat >>"$dir/standby/postgresql.conf" <<CONF
port = $sport
hot_standby = on
CONF
    as_pg "$bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w -t 60 start >/dev/null
    for _ in $(seq 1 60); do
      state=$(as_pg "$bin/psql" -h 127.0.0.1 -p "$pport" -U postgres -d postgres -qtAc \
        "select sync_state from pg_stat_replication where application_name = 'standby1'" || true)
      [ "$state" = sync ] && break
      sleep 0.5
    done
    [ "$state" = sync ] || { echo "the standby did not become synchronous" >&2; exit 1; }
    echo "primary 127.0.0.1:$pport, synchronous standby 127.0.0.1:$sport"
    echo "DATABASE_URL=postgres://postgres@127.0.0.1:$pport,127.0.0.1:$sport/postgres?target_session_attrs=read-write"
    ;;
  kill-primary)
    as_pg "$bin/pg_ctl" -D "$dir/primary" -m immediate -w stop >/dev/null
    ;;
  promote)
    # The promoted standby runs alone (no standby of its own yet) until one is attached again.
    as_pg "$bin/pg_ctl" -D "$dir/standby" -w -t 60 promote >/dev/null
    ;;
  down)
    for node in primary standby; do
      [ -f "$dir/$node/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$dir/$node" -m immediate -w stop >/dev/null 2>&1 || true
    done
    rm -rf "$dir"
    ;;
  *)
    echo "unknown command $cmd" >&2
    exit 2
    ;;
esac
