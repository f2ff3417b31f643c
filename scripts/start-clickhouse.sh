#!/usr/bin/env bash
# Starts (or stops) a throwaway ClickHouse server on 127.0.0.1 with its data in a temporary folder; prints its URL last.
#
#   scripts/start-clickhouse.sh           start (installs Debian's clickhouse-server if missing), print http://127.0.0.1:PORT
#   scripts/start-clickhouse.sh stop      stop the server started from $CLICKHOUSE_DIR (its pid file)
#
# Environment: CLICKHOUSE_HTTP_PORT (8123), CLICKHOUSE_TCP_PORT (9000), CLICKHOUSE_DIR (a new temporary folder when
# unset; set it to restart a server on the data it had). The folder holds config.xml, users.xml, data/, the log and
# clickhouse.pid. Nothing listens on anything but 127.0.0.1.
set -euo pipefail

HTTP_PORT="${CLICKHOUSE_HTTP_PORT:-8123}"
TCP_PORT="${CLICKHOUSE_TCP_PORT:-9000}"
URL="http://127.0.0.1:${HTTP_PORT}"

ping_ok() { [ "$(curl -s --max-time 1 "${URL}/ping" 2>/dev/null)" = "Ok." ]; }

if [ "${1:-start}" = "stop" ]; then
  : "${CLICKHOUSE_DIR:?set CLICKHOUSE_DIR to the folder of the server to stop}"
  pidfile="${CLICKHOUSE_DIR}/clickhouse.pid"
  [ -f "$pidfile" ] || { echo "start-clickhouse: no pid file in ${CLICKHOUSE_DIR}" >&2; exit 0; }
  pid="$(cat "$pidfile")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  echo "start-clickhouse: stopped ${pid}" >&2
  exit 0
fi

if ping_ok; then
  echo "start-clickhouse: a server already answers on ${URL}" >&2
  echo "$URL"
  exit 0
fi

if ! command -v clickhouse-server >/dev/null 2>&1; then
  echo "start-clickhouse: installing clickhouse-server from Debian" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clickhouse-server clickhouse-client >&2
fi

DIR="${CLICKHOUSE_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/lantern-clickhouse-XXXXXX")}"
mkdir -p "$DIR/data" "$DIR/tmp" "$DIR/user_files" "$DIR/format_schemas"

cat >"$DIR/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger>
    <level>warning</level>
    <log>${DIR}/clickhouse-server.log</log>
    <errorlog>${DIR}/clickhouse-server.err.log</errorlog>
    <size>100M</size>
    <count>2</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${HTTP_PORT}</http_port>
  <tcp_port>${TCP_PORT}</tcp_port>
  <max_connections>256</max_connections>
  <keep_alive_timeout>3</keep_alive_timeout>
  <max_concurrent_queries>100</max_concurrent_queries>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <mark_cache_size>268435456</mark_cache_size>
  <path>${DIR}/data/</path>
  <tmp_path>${DIR}/tmp/</tmp_path>
  <user_files_path>${DIR}/user_files/</user_files_path>
  <format_schema_path>${DIR}/format_schemas/</format_schema_path>
  <users_config>${DIR}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
</yandex>
XML

cat >"$DIR/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <max_memory_usage>4000000000</max_memory_usage>
      <use_uncompressed_cache>0</use_uncompressed_cache>
    </default>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas>
    <default>
      <interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval>
    </default>
  </quotas>
</yandex>
XML

nohup clickhouse-server --config-file="$DIR/config.xml" >"$DIR/stdout.log" 2>&1 </dev/null &
echo $! >"$DIR/clickhouse.pid"

for _ in $(seq 1 300); do
  if ping_ok; then
    echo "start-clickhouse: ClickHouse answers on ${URL} (data in ${DIR}, pid $(cat "$DIR/clickhouse.pid"))" >&2
    echo "$URL"
    exit 0
  fi
  if ! kill -0 "$(cat "$DIR/clickhouse.pid")" 2>/dev/null; then break; fi
  sleep 0.1
done
echo "start-clickhouse: ClickHouse did not answer on ${URL} within 30 s; last log lines:" >&2
tail -n 20 "$DIR/clickhouse-server.err.log" "$DIR/stdout.log" >&2 2>/dev/null || true
exit 1
