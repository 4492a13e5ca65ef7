#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for tests and benchmarks:
#   scripts/postgres.sh start DIR   creates a cluster in DIR (an empty folder the caller made, e.g.
#                                   with mktemp -d), starts it on a free port of 127.0.0.1 and
#                                   prints its URL: postgres://USER@127.0.0.1:PORT/postgres
#   scripts/postgres.sh stop DIR    stops it and removes DIR
#   scripts/postgres.sh pause DIR   stops the server, keeping its data (a database that goes away)
#   scripts/postgres.sh resume DIR  starts it again on the same port
# Trust authentication, no password: the server listens on the loopback only and its socket is
# inside DIR. Durability is off (fsync and the like): the data is thrown away anyway.
set -euo pipefail

[ $# -eq 2 ] && [ -d "$2" ] || { echo "usage: $0 start|stop|pause|resume DIR (an existing folder)" >&2; exit 2; }
command=$1
dir=$(cd "$2" && pwd) # absolute: the server's settings and pg_ctl need it so

# Debian installs the server outside PATH, one folder per major version: take the newest.
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
# Full paths: the server user's PATH may differ.
initdb=$(command -v "${bin:+$bin/}initdb") || { echo "postgres.sh: initdb not found (Debian: apt-get install postgresql)" >&2; exit 1; }
pg_ctl=$(command -v "${bin:+$bin/}pg_ctl")

# PostgreSQL refuses to run as root: root runs it as an unprivileged system user.
user=$(id -un)
if [ "$(id -u)" = 0 ]; then
  user=mdmtest
  # A concurrent start may create the user first; that is fine.
  id -u "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user" \
    || id -u "$user" >/dev/null 2>&1
  as_user() { runuser -u "$user" -- "$@"; }
else
  as_user() { "$@"; }
fi
cd "$dir" # the server user may not be allowed into the caller's folder

case "$command" in
  start)
    [ -z "$(ls -A "$dir")" ] || { echo "postgres.sh: $dir is not empty" >&2; exit 1; }
    log="$dir/log"
    touch "$log"
    [ "$(id -u)" != 0 ] || chown -R "$user" "$dir"
    as_user test -w "$dir" || { echo "postgres.sh: $user cannot write to $dir (is its parent closed to it?)" >&2; exit 1; }
    # The C collation compares text byte by byte, as SQLite does.
    as_user "$initdb" -D "$dir/data" -U "$user" --auth=trust --no-locale --encoding=UTF8 --no-sync \
      >>"$log" 2>&1 || { echo "postgres.sh: initdb failed:" >&2; tail -n 20 "$log" >&2; exit 1; }
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '${dir//\'/\'\'}'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 128MB
CONF
    # A port nothing listens on; another cluster starting at the same moment may take it
    # first, so a start that cannot bind tries another port.
    for _ in 1 2 3 4 5; do
      port=$((20000 + RANDOM % 12000)) # below Linux's ephemeral range (32768-60999)
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
      offset=$(stat -c %s "$log")
      if as_user "$pg_ctl" start -D "$dir/data" -l "$log" -o "-p $port" -w -t 30 -s >>"$log" 2>&1; then
        echo "$port" >"$dir/port" # for resume
        echo "postgres://$user@127.0.0.1:$port/postgres"
        exit 0
      fi
      grep -q 'could not create any TCP/IP sockets' <(tail -c +"$((offset + 1))" "$log") || break
    done
    # Not up in time (or not at all): leave no server behind.
    as_user "$pg_ctl" stop -D "$dir/data" -m immediate -s >/dev/null 2>&1 || true
    echo "postgres.sh: the server did not start (waited up to 30 s); the end of $log:" >&2
    tail -n 20 "$log" >&2
    exit 1
    ;;
  stop)
    # A server that is not running (never started, or killed) has nothing to stop.
    if as_user "$pg_ctl" status -D "$dir/data" >/dev/null 2>&1; then
      as_user "$pg_ctl" stop -D "$dir/data" -m immediate -s
    fi
    # Remove DIR only if it holds nothing but a cluster of this script: a wrong argument must
    # not delete someone's folder.
    if [ -n "$(find "$dir" -mindepth 1 -maxdepth 1 ! -name data ! -name log ! -name port ! -name '.s.PGSQL.*')" ]; then
      echo "postgres.sh: $dir holds more than a cluster of this script; not removed" >&2
      exit 1
    fi
    cd /
    rm -rf "$dir"
    ;;
  pause)
    as_user "$pg_ctl" stop -D "$dir/data" -m fast -s
    ;;
  resume)
    as_user "$pg_ctl" start -D "$dir/data" -l "$dir/log" -o "-p $(cat "$dir/port")" -w -t 30 -s >>"$dir/log" 2>&1 \
      || { echo "postgres.sh: the server did not start again; the end of $dir/log:" >&2; tail -n 20 "$dir/log" >&2; exit 1; }
    ;;
  *)
    echo "usage: $0 start|stop|pause|resume DIR" >&2
    exit 2
    ;;
esac
