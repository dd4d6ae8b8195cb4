#!/usr/bin/env bash
# failover.sh [REPLICAS] [SECONDS]
# The compose profile "scaled" survives losing a replica: brings up REPLICAS (3) replicas behind nginx, sends
# POSTs through the balancer from 4 concurrent clients for SECONDS (40) s, and meanwhile kills one replica
# (SIGKILL: in-flight requests on it are cut), starts it again, and stops another gracefully (SIGTERM). Fails on
# any request that did not answer 200, and unless the restarted replica serves requests again.
# Run from the repository root; the compose variables (images, ports, COMPOSE_PROJECT_NAME) come from the
# environment, LB_PORT (8082) is the balancer's port. Only 127.0.0.1 is addressed. Leaves the profile running:
# `docker compose --profile scaled down -v` after it.
set -euo pipefail
REPLICAS="${1:-3}"; SECONDS_TOTAL="${2:-40}"
LB="http://127.0.0.1:${LB_PORT:-8082}/v1/divergences/discrete"
BODY='{"p": [0.1, 0.2, 0.3, 0.4], "q": [0.25, 0.25, 0.25, 0.25], "metrics": ["kl", "jensenShannon"]}'
log() { echo "== $(date +%H:%M:%S) failover: $*"; }
compose() { docker compose --profile scaled "$@"; }

healthy() { [ "$(docker inspect -f '{{.State.Health.Status}}' "$1" 2>/dev/null)" = healthy ]; }
wait_healthy() { # container...
  for _ in $(seq 1 90); do
    local all=1
    for c in "$@"; do healthy "$c" || all=0; done
    [ "$all" = 1 ] && return 0
    sleep 2
  done
  echo "FAIL: not healthy in time: $*" >&2; return 1
}
served() { # container: discrete requests this JVM has answered (its own actuator, from inside the container)
  docker exec "$1" bash -c 'exec 3<>/dev/tcp/127.0.0.1/8081 && printf "GET /actuator/prometheus HTTP/1.0\r\n\r\n" >&3 &&
    cat <&3' | awk '/^divergence_requests_total\{.*endpoint="discrete".*outcome="success"/ {s+=$2} END {print s+0}'
}

log "up: $REPLICAS replicas behind nginx"
compose up -d --build --scale divergence-replica="$REPLICAS" divergence-replica load-balancer
mapfile -t replicas < <(compose ps -q divergence-replica)
[ "${#replicas[@]}" -eq "$REPLICAS" ] || { echo "FAIL: ${#replicas[@]} replicas, expected $REPLICAS" >&2; exit 1; }
wait_healthy "${replicas[@]}"
for _ in $(seq 1 30); do  # the balancer answers once it resolves the replicas
  [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$LB" -H 'Content-Type: application/json' -d "$BODY")" = 200 ] && break
  sleep 1
done

out=$(mktemp -d); stop="$out/stop"
client() { # n: POSTs until the stop file exists, one status code per line
  while [ ! -e "$stop" ]; do
    curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 -X POST "$LB" -H 'Content-Type: application/json' \
      -d "$BODY" >> "$out/codes-$1" || echo "curl-exit-$?" >> "$out/codes-$1"
  done
}
log "load: 4 clients for $SECONDS_TOTAL s"
for n in 1 2 3 4; do client "$n" & done
victim=${replicas[0]}; other=${replicas[1]}
sleep $(( SECONDS_TOTAL / 5 ))
log "SIGKILL $(docker inspect -f '{{.Name}}' "$victim")"
docker kill "$victim" >/dev/null
sleep $(( SECONDS_TOTAL / 5 ))
log "start it again"
docker start "$victim" >/dev/null
wait_healthy "$victim"
log "SIGTERM (graceful stop) $(docker inspect -f '{{.Name}}' "$other")"
docker stop -t 30 "$other" >/dev/null
docker start "$other" >/dev/null
sleep $(( SECONDS_TOTAL / 5 ))
touch "$stop"; wait
total=$(cat "$out"/codes-* | wc -l)
failed=$(grep -vc '^200$' <(cat "$out"/codes-*) || true)
again=$(served "$victim")
log "$total requests, $failed failed; the restarted replica has answered $again since it came back"
if [ "$failed" -ne 0 ]; then cat "$out"/codes-* | sort | uniq -c >&2; echo "FAIL: $failed requests failed" >&2; exit 1; fi
if [ "$total" -lt 100 ]; then echo "FAIL: only $total requests were sent" >&2; exit 1; fi
if [ "$again" -lt 1 ]; then echo "FAIL: the restarted replica got no traffic (nginx did not re-resolve it)" >&2; exit 1; fi
rm -rf "$out"
