"""Shared by the hostile-input batteries: the command line ([SEED] [URL]), one POST, and the report.

A battery sends extreme but valid inputs and counts every answer that is a 5xx or carries NaN: both are defects
(bad input is a 4xx problem, and NaN is never an answer). Loopback URLs only."""
import json
import random
import sys
import urllib.error
import urllib.request


def setup(default_seed):
    """Seeds `random` from argv[1] (or the default) and returns the base URL from argv[2]."""
    random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else default_seed)
    base = (sys.argv[2] if len(sys.argv) > 2 else 'http://127.0.0.1:8080').rstrip('/')
    if not (base.startswith('http://127.0.0.1') or base.startswith('http://localhost')):
        sys.exit('refusing non-loopback URL ' + base)
    return base


def post(base, path, body):
    """POSTs body as JSON; returns (status, text) for answers of any status."""
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(),
                                 headers={'Content-Type': 'application/json'})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def defective(status, text):
    """A 5xx, or NaN anywhere in the answer."""
    return status >= 500 or 'NaN' in text


def report(sent, bad):
    print('requests', sent, 'bad', len(bad))
    for b in bad[:10]:
        print(b)
    sys.exit(1 if bad else 0)
