#!/usr/bin/env python3
"""Issue 17's memory battery against a running service (start it with -Xmx256m): bodies within the documented
limits that used to end in an OutOfMemoryError and a 500. Each attack runs its requests at once, then a small probe
checks the service still answers. Prints one line per attack: the status codes seen, and the probe's.

usage: bench/memory-attack.py http://127.0.0.1:8080
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse

BASE = sys.argv[1].rstrip("/")


def post(path, body):
    """POST, and read the answer even when the service answered before the body was sent and closed."""
    data = body if isinstance(body, bytes) else body.encode()
    url = urllib.parse.urlsplit(BASE)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    try:
        conn.putrequest("POST", path)
        conn.putheader("Content-Type", "application/json")
        conn.putheader("Content-Length", str(len(data)))
        conn.endheaders()
        try:
            for i in range(0, len(data), 1 << 16):
                conn.send(data[i:i + (1 << 16)])
        except (BrokenPipeError, ConnectionResetError):
            pass  # answered early (413, 503): the answer is still there to read
        r = conn.getresponse()
        r.read()
        return r.status
    except Exception as e:  # no answer at all
        return type(e).__name__
    finally:
        conn.close()


def at_once(path, bodies):
    results = [None] * len(bodies)

    def run(i):
        results[i] = post(path, bodies[i])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(bodies))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def numbers(n, value="0.123456789012345"):
    return "[" + ",".join([value] * n) + "]"


def mvn(batch, d, tril=False):
    loc = "[" + ",".join("[" + ",".join(["0"] * d) + "]" for _ in range(batch)) + "]"
    eye = "[" + ",".join("[" + ",".join("1" if i == j else "0" for j in range(d)) + "]" for i in range(d)) + "]"
    key = "scale_tril" if tril else "covariance_matrix"
    if tril:
        mat = "[" + ",".join([eye] * batch) + "]"
    else:
        mat = eye
    return '{"family": "MultivariateNormal", "params": {"loc": %s, "%s": %s}}' % (loc, key, mat)


def keyed(n, width=20):
    return "{" + ",".join('"%0*d": 1' % (width, i) for i in range(n)) + "}"


ATTACKS = [
    ("MVN d=512 batch 100", "/v1/divergences/parametric",
     lambda: ['{"p": %s, "q": %s}' % (mvn(100, 512), mvn(1, 512))]),
    ("MVN d=512 batch 200 scale_tril", "/v1/divergences/parametric",
     lambda: ['{"p": %s, "q": %s}' % (mvn(200, 512, True), mvn(1, 512))]),
    ("Normal batch 1,999,999", "/v1/divergences/parametric",
     lambda: ['{"p": {"family": "Normal", "params": {"loc": %s, "scale": 1}}, '
              '"q": {"family": "Normal", "params": {"loc": 0, "scale": 2}}}' % numbers(1_999_999, "0.5")]),
    ("MVN d=2 batch 999,998", "/v1/divergences/parametric",
     lambda: ['{"p": {"family": "MultivariateNormal", "params": {"loc": %s, "covariance_matrix": [[1,0],[0,1]]}}, '
              '"q": {"family": "MultivariateNormal", "params": {"loc": [0,0], "covariance_matrix": [[2,0],[0,2]]}}}'
              % ("[" + ",".join(["[0.5,0.25]"] * 999_998) + "]")]),
    ("keyed 10^6 20-char keys", "/v1/divergences/discrete",
     lambda: ['{"p": %s, "q": %s}' % (keyed(1_000_000), keyed(1_000_000))]),
    ("keyed 4x10^6 keys", "/v1/divergences/discrete",
     lambda: ['{"p": %s, "q": {"a": 1}}' % keyed(4_000_000, 8)]),
    ("bootstrap 10^7 resamples x4", "/v1/divergences/samples",
     lambda: ['{"p": ["a", "b", "a"], "q": ["a", "b", "b"], "bootstrap": {"resamples": 10000000}}'] * 4),
    ("twelve 18 MB bodies", "/v1/divergences/discrete",
     lambda: [b'{"p": ' + numbers(500_000).encode() + b', "q": ' + numbers(500_000).encode() + b'}'] * 12),
]


def main():
    for name, path, make in ATTACKS:
        bodies = make()
        size = max(len(b) for b in bodies)
        start = time.time()
        codes = at_once(path, bodies)
        took = time.time() - start
        probe = post("/v1/divergences/discrete", '{"p": [0.5, 0.5], "q": [0.4, 0.6]}')
        summary = {}
        for c in codes:
            summary[str(c)] = summary.get(str(c), 0) + 1
        print(json.dumps({"attack": name, "body_mb": round(size / 1e6, 1), "statuses": summary,
                          "seconds": round(took, 1), "probe": probe}), flush=True)


if __name__ == "__main__":
    main()
