"""Slow-POST attack and probe (docs/reliability.md): many connections declare a body and send it a byte at a time,
while a probe times small API requests.

    python3 slowpost.py [URL] [CONNECTIONS] [SECONDS] [DRIP_SECONDS]
    # default http://127.0.0.1:8080 220 40 5: 220 connections, each declaring a 1000-byte body and sending one
    # byte every 5 s, for 40 s; a probe POSTs a small discrete request every 0.5 s

Prints how the slow connections ended (status line, or still open / reset) and the probe's statuses and
latencies (median, max).
"""
import socket
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlparse

URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
CONNECTIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 220
SECONDS = float(sys.argv[3]) if len(sys.argv) > 3 else 40
DRIP = float(sys.argv[4]) if len(sys.argv) > 4 else 5
HOST = urlparse(URL).hostname
PORT = urlparse(URL).port or 80
SMALL = b'{"p": [0.4, 0.6], "q": [0.5, 0.5]}'

outcomes = {}
lock = threading.Lock()


def slow(i, stop_at):
    outcome = "still open at the end"
    try:
        s = socket.create_connection((HOST, PORT), timeout=DRIP + 30)
        s.sendall(b"POST /v1/divergences/discrete HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 1000\r\n\r\n")
        s.settimeout(0.01)
        sent = 0
        while time.time() < stop_at and sent < 1000:
            try:
                data = s.recv(4096)
                outcome = data.split(b"\r\n", 1)[0].decode() if data else "closed by the server"
                break
            except socket.timeout:
                pass
            time.sleep(DRIP)
            try:
                s.sendall(b"{" if sent == 0 else b" ")
                sent += 1
            except OSError:
                outcome = "closed by the server"
                break
        s.close()
    except OSError as e:
        outcome = "error: " + type(e).__name__
    with lock:
        outcomes[outcome] = outcomes.get(outcome, 0) + 1


def probe(stop_at, results):
    while time.time() < stop_at:
        t0 = time.perf_counter()
        try:
            req = urllib.request.Request(URL + "/v1/divergences/discrete", data=SMALL,
                                         headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=30) as r:
                status = r.status
        except urllib.error.HTTPError as e:
            status = e.code
        except OSError as e:
            status = "error " + type(e).__name__
        results.append((status, (time.perf_counter() - t0) * 1000))
        time.sleep(0.5)


def main():
    stop_at = time.time() + SECONDS
    threads = [threading.Thread(target=slow, args=(i, stop_at)) for i in range(CONNECTIONS)]
    for t in threads:
        t.start()
    time.sleep(1)
    results = []
    probe(stop_at, results)
    for t in threads:
        t.join()
    statuses = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    ok = [ms for status, ms in results if status == 200]
    print(f"slow connections ({CONNECTIONS}, one byte every {DRIP} s, {SECONDS} s): {outcomes}")
    print(f"probes: {len(results)}, statuses {statuses}")
    if ok:
        print(f"probe latency ms: median {statistics.median(ok):.1f}, max {max(ok):.1f}")


if __name__ == "__main__":
    main()
