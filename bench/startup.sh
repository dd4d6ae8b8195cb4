#!/usr/bin/env bash
# startup.sh IMAGE [COMMAND ARGS...]
# Time from `docker run` to readiness UP of the service image, as operators run it (read-only root filesystem,
# tmpfs /tmp, ports on 127.0.0.1). Removes an old container of the same name first and removes this one after.
# Env: API_PORT (18080), MANAGEMENT_PORT (18081), NAME (divergence-startup), LIMIT_S (60), ENTRYPOINT (the image's).
#   bench/startup.sh divergence-service:latest                                      # with the AOT cache
#   ENTRYPOINT=java bench/startup.sh divergence-service:latest -jar /app/app.jar    # without it
set -euo pipefail
IMAGE="${1:?usage: startup.sh IMAGE [COMMAND ARGS...]}"; shift
API_PORT="${API_PORT:-18080}"; MANAGEMENT_PORT="${MANAGEMENT_PORT:-18081}"
NAME="${NAME:-divergence-startup}"; LIMIT_S="${LIMIT_S:-60}"
docker rm -f "$NAME" >/dev/null 2>&1 || true
trap 'docker rm -f "$NAME" >/dev/null 2>&1 || true' EXIT
t0=$(date +%s%N)
docker run -d --name "$NAME" --read-only --tmpfs /tmp -p "127.0.0.1:$API_PORT:8080" \
  -p "127.0.0.1:$MANAGEMENT_PORT:8081" ${ENTRYPOINT:+--entrypoint "$ENTRYPOINT"} "$IMAGE" "$@" >/dev/null
deadline=$(( $(date +%s) + LIMIT_S ))
until curl -fs -m 1 "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
  if [ "$(date +%s)" -ge "$deadline" ]; then echo "startup.sh: not ready within $LIMIT_S s" >&2; docker logs "$NAME" | tail -20 >&2; exit 1; fi
  sleep 0.05
done
t1=$(date +%s%N)
echo "ready after $(( (t1 - t0) / 1000000 )) ms"
docker logs "$NAME" 2>&1 | grep -o 'Started [A-Za-z]* in [0-9.]* seconds' || true
