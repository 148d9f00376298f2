#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the store tests (TOOLCHAIN.md §5). Runs as root.
#   scripts/pg-throwaway.sh start       -> prints PGTMP=... and KONTOR_TEST_POSTGRES_URL=...
#   scripts/pg-throwaway.sh stop DIR    -> stops the server started in DIR and removes DIR
set -euo pipefail
if ! command -v pg_config >/dev/null || [ ! -x "$(pg_config --bindir)/initdb" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql libpq-dev >/dev/null
fi
PGBIN=$(pg_config --bindir)
if [ "${1:-start}" = stop ]; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$2/data" -m immediate stop >/dev/null || true
  rm -rf "$2"
  exit 0
fi
PGPORT=${PGPORT:-55432}
PGTMP=$(mktemp -d)
chown postgres:postgres "$PGTMP"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGTMP/data" -U kontor --auth=trust -E UTF8 --no-locale >"$PGTMP/initdb.log"
if ! runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGTMP -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null; then
  echo "pg_ctl could not start PostgreSQL on port $PGPORT; its log:" >&2
  cat "$PGTMP/server.log" >&2
  rm -rf "$PGTMP"
  exit 1
fi
"$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U kontor kontor_test
echo "PGTMP=$PGTMP"
echo "KONTOR_TEST_POSTGRES_URL=postgres://kontor@127.0.0.1:$PGPORT/kontor_test?sslmode=disable"
