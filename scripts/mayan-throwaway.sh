#!/usr/bin/env bash
# A throwaway Mayan EDMS (a real DMS, TOOLCHAIN.md §9) on 127.0.0.1 for the DMS sink tests: SQLite, an in-memory
# Celery broker, no Redis; its web UI assets are not installed (offline), the REST API does not need them.
#   scripts/mayan-throwaway.sh start       -> prints MAYANTMP=..., KONTOR_TEST_MAYAN_URL=..., _USER=..., _PASSWORD=...
#   scripts/mayan-throwaway.sh stop DIR    -> stops the server started in DIR and removes DIR
# The virtualenv (mayan-edms 4.12.2, about 40 s to install) is kept in $MAYAN_VENV (default /opt/mayan-venv).
set -euo pipefail
VENV=${MAYAN_VENV:-/opt/mayan-venv}
if [ "${1:-start}" = stop ]; then
  if [ -f "$2/server.pid" ]; then kill "$(cat "$2/server.pid")" 2>/dev/null || true; fi
  rm -rf "$2"
  exit 0
fi
if [ ! -x "$VENV/bin/mayan-edms.py" ]; then
  if [ ! -f /usr/include/ldap.h ] || [ ! -f /usr/include/sasl/sasl.h ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libldap2-dev libsasl2-dev >/dev/null
  fi
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet mayan-edms==4.12.2
fi
PORT=${MAYAN_PORT:-55481}
D=$(mktemp -d)
export MAYAN_MEDIA_ROOT=$D/media MAYAN_CELERY_BROKER_URL=memory:// MAYAN_CELERY_RESULT_BACKEND=cache+memory:// \
  MAYAN_LOCK_MANAGER_BACKEND=mayan.apps.lock_manager.backends.file_lock.FileLock \
  MAYAN_DATABASES="{'default':{'ENGINE':'django.db.backends.sqlite3','NAME':'$D/db.sqlite3'}}"
# Its "Install dependencies" step (web UI assets from npm) fails offline and makes the command report failure;
# the database and the admin user are set up regardless, which the next command checks.
timeout 300 "$VENV/bin/mayan-edms.py" common_initial_setup --force >"$D/setup.log" 2>&1 || true
PASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
if ! "$VENV/bin/mayan-edms.py" shell -c "from django.contrib.auth import get_user_model as g; u=g().objects.get(username='admin'); u.set_password('$PASSWORD'); u.save()" >"$D/user.log" 2>&1; then
  echo "Mayan EDMS setup failed; see $D/setup.log and $D/user.log" >&2
  exit 1
fi
nohup "$VENV/bin/mayan-edms.py" runserver "127.0.0.1:$PORT" --noreload >"$D/server.log" 2>&1 &
echo $! >"$D/server.pid"
for _ in $(seq 1 120); do
  if curl -sf -X POST -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/v4/auth/token/obtain/" >/dev/null; then
    echo "MAYANTMP=$D"
    echo "KONTOR_TEST_MAYAN_URL=http://127.0.0.1:$PORT"
    echo "KONTOR_TEST_MAYAN_USER=admin"
    echo "KONTOR_TEST_MAYAN_PASSWORD=$PASSWORD"
    exit 0
  fi
  sleep 1
done
echo "Mayan EDMS did not answer on port $PORT within 120 s; see $D/server.log" >&2
exit 1
