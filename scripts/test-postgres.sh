#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests (Debian's package, run as root).
#
#   eval "$(bash scripts/test-postgres.sh start)"   # installs if needed, starts, exports MARSAD_TEST_PG
#   bash scripts/test-postgres.sh stop
#
# The data directory lives under /tmp (user postgres cannot read root's home) and the
# server listens on a free port on 127.0.0.1 only.  `start` prints shell `export` lines
# and nothing else on stdout, so it can be eval'ed; progress goes to stderr.
set -euo pipefail
DATA=${MARSAD_PG_DIR:-/tmp/marsad-test-pg}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

install_server() {
    if [ -z "$(pg_bin)" ]; then
        echo "installing postgresql (Debian package)..." >&2
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    fi
    [ -n "$(pg_bin)" ] || { echo "postgresql did not install" >&2; exit 1; }
}

stop_server() {
    local bin; bin=$(pg_bin)
    if [ -n "$bin" ] && [ -f "$DATA/postmaster.pid" ]; then
        (cd /tmp && runuser -u postgres -- "$bin/pg_ctl" -D "$DATA" -m fast -w stop >&2) || true
    fi
}

start_server() {
    install_server
    local bin port; bin=$(pg_bin)
    port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
    stop_server
    rm -rf "$DATA"
    install -d -o postgres -g postgres -m 700 "$DATA"
    cd /tmp
    runuser -u postgres -- "$bin/initdb" -D "$DATA" -E UTF8 --locale=C.UTF-8 -U postgres --auth=trust >/dev/null
    runuser -u postgres -- "$bin/pg_ctl" -D "$DATA" -l "$DATA/log" -w \
        -o "-p $port -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
    "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres \
        -c "CREATE ROLE marsad LOGIN PASSWORD 'marsad'" -c "CREATE DATABASE marsad OWNER marsad" >&2
    echo "export MARSAD_TEST_PG=postgresql://marsad:marsad@127.0.0.1:$port/marsad"
}

case "${1:-start}" in
    start) start_server ;;
    stop) stop_server ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
