#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests.
#
#   scripts/postgres.sh start DIR [PORT]   -> prints the connection string as the last stdout line
#   scripts/postgres.sh stop DIR           -> stops the server and deletes DIR
#
# Each start uses a fresh data dir under DIR (DIR itself is created if needed and
# stale servers left in DIR by a crashed run are stopped first). Never use for real data:
# fsync, synchronous_commit and full_page_writes are off.
set -euo pipefail

log() { printf '[postgres] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

PG_USER=postgres
DB_ROLE=motcua
DB_PASSWORD=motcua

find_pg_bin() {
    local best="" ver dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] || continue
        ver="$(basename "$(dirname "$dir")")"
        [[ "$ver" =~ ^[0-9]+$ ]] || continue
        [ "$ver" -ge 15 ] || continue
        if [ -z "$best" ] || [ "$ver" -gt "$(basename "$(dirname "$best")")" ]; then
            best="$dir"
        fi
    done
    [ -n "$best" ] || die "no PostgreSQL >= 15 found under /usr/lib/postgresql (run scripts/install-prerequisites.sh)"
    printf '%s\n' "$best"
}

# Run a PostgreSQL binary as the postgres OS user (postgres refuses to run as root).
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$PG_USER" -- "$@"
    elif [ "$(id -un)" = "$PG_USER" ]; then
        "$@"
    else
        # Non-root developer: run as ourselves (allowed, since we are not root).
        "$@"
    fi
}

port_in_use() {
    local port="$1"
    # bash's /dev/tcp: a successful connect means something is listening.
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

find_free_port() {
    local port="${1:-55432}" last=$(( ${1:-55432} + 200 ))
    while [ "$port" -le "$last" ]; do
        if ! port_in_use "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
        port=$((port + 1))
    done
    die "no free port in ${1:-55432}..$last"
}

stop_cluster() {
    local data="$1" bin="$2"
    if [ -f "$data/postmaster.pid" ]; then
        as_pg "$bin/pg_ctl" -D "$data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
        # pg_ctl may fail if the pid file is stale; kill the recorded postmaster if alive.
        local pid
        pid="$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
        if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
            kill -QUIT "$pid" 2>/dev/null || true
            sleep 1
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
}

stop_all_in() {
    local dir="$1" bin data
    [ -d "$dir" ] || return 0
    bin="$(find_pg_bin)"
    for data in "$dir"/pg.*/data; do
        [ -d "$data" ] || continue
        stop_cluster "$data" "$bin"
    done
}

cmd_start() {
    local dir="${1:-}" port="${2:-}"
    [ -n "$dir" ] || die "usage: $0 start DIR [PORT]"
    local bin
    bin="$(find_pg_bin)"

    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    # Leftovers from a crashed earlier run: stop their servers and remove them.
    stop_all_in "$dir"
    rm -rf "$dir"/pg.*

    if [ -z "$port" ]; then
        port="$(find_free_port 55432)"
    elif port_in_use "$port"; then
        die "port $port is already in use"
    fi

    local base
    base="$(mktemp -d "$dir/pg.XXXXXX")"
    local data="$base/data" sock="$base/socket" logf="$base/postgres.log"
    mkdir -p "$sock"
    if [ "$(id -u)" -eq 0 ]; then
        id "$PG_USER" >/dev/null 2>&1 || die "OS user '$PG_USER' does not exist (install postgresql)"
        chown -R "$PG_USER:" "$base"
        # The postgres user must be able to traverse DIR (ours: we delete it on stop) and its parents.
        runuser -u "$PG_USER" -- test -x "$dir" || chmod o+x "$dir"
        local p="$dir"
        while [ "$p" != "/" ]; do
            runuser -u "$PG_USER" -- test -x "$p" \
                || die "OS user '$PG_USER' cannot enter $p; use a DIR under /tmp"
            p="$(dirname "$p")"
        done
    fi
    chmod 700 "$base"

    log "initdb ($bin) in $data"
    as_pg "$bin/initdb" -D "$data" -U "$PG_USER" --auth-local=trust --auth-host=trust \
        --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$base/initdb.log" 2>&1 \
        || { cat "$base/initdb.log" >&2; die "initdb failed"; }

    cat >>"$data/postgresql.conf" <<CONF

# --- throwaway test server (scripts/postgres.sh) ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 128MB
log_min_messages = warning
CONF

    log "starting on 127.0.0.1:$port"
    if ! as_pg "$bin/pg_ctl" -D "$data" -l "$logf" -w -t 60 start >/dev/null; then
        cat "$logf" >&2 || true
        die "pg_ctl start failed"
    fi

    local psql=("$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "$port" -U "$PG_USER" -d postgres)
    as_pg "${psql[@]}" -c "CREATE ROLE $DB_ROLE WITH LOGIN CREATEDB PASSWORD '$DB_PASSWORD';" >/dev/null \
        || die "could not create role $DB_ROLE"

    printf '%s\n' "$base" >"$dir/current"
    log "ready (data: $data, log: $logf)"
    printf 'Host=127.0.0.1;Port=%s;Username=%s;Password=%s;Database=postgres\n' "$port" "$DB_ROLE" "$DB_PASSWORD"
}

cmd_stop() {
    local dir="${1:-}"
    [ -n "$dir" ] || die "usage: $0 stop DIR"
    if [ ! -d "$dir" ]; then
        log "nothing to stop ($dir does not exist)"
        return 0
    fi
    stop_all_in "$dir"
    rm -rf "$dir"
    log "stopped and removed $dir"
}

case "${1:-}" in
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    *) echo "usage: $0 start DIR [PORT] | stop DIR" >&2; exit 2 ;;
esac
