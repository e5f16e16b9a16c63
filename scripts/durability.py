#!/usr/bin/env python3
"""Durable writes under load and a crash.

64 clients submit verification requests as fast as they can; half-way the server is killed
with SIGKILL and started again; the clients carry on. Afterwards every request that was
answered 201 must be there, whole (status submitted, one history event). Prints sustained
submissions per second and latency percentiles.

    python3 scripts/durability.py [--seconds 20] [--clients 64] [--binary .build/release/credence]

SQLite in a throwaway folder by default; PostgreSQL when DATABASE_URL is set.
"""
import argparse, http.client, json, os, random, signal, subprocess, sys, tempfile, threading, time

parser = argparse.ArgumentParser()
parser.add_argument("--seconds", type=float, default=20)
parser.add_argument("--clients", type=int, default=64)
parser.add_argument("--binary", default=".build/release/credence")
parser.add_argument("--port", type=int, default=18433)
args = parser.parse_args()

data = tempfile.mkdtemp(prefix="credence-durability-")
env = dict(os.environ, CREDENCE_DATA_DIR=data)


def start():
    process = subprocess.Popen([args.binary, "serve", "--port", str(args.port), "--log-level", "error"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=1)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.05)
    sys.exit("the server did not start")


def call(connection, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = connection.getresponse()
    return response.status, response.read()


server = start()
setup = http.client.HTTPConnection("127.0.0.1", args.port, timeout=10)
email = "hr@durability.example"
call(setup, "POST", "/api/v1/employers", {"organizationName": "Durability Ltd", "unifiedSocialCreditCode": "9144030071526726XG",
     "contactName": "HR", "email": email, "phone": "022 1234 5678", "password": "a long script passphrase"})
status, body = call(setup, "POST", "/api/v1/tokens", {"email": email, "password": "a long script passphrase"})
token = json.loads(body)["token"]

acknowledged, latencies, errors = [], [], []
lock = threading.Lock()
stop = time.monotonic() + args.seconds
draft = {"entryId": "cka", "holder": {"name": "Load Tester", "nationality": "GB"}, "certificateNumber": "LF-0", "holderConsent": True}


def client(number):
    connection = None
    while time.monotonic() < stop:
        try:
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=10)
            draft_n = dict(draft, certificateNumber="LF-%d-%d" % (number, random.randrange(1 << 30)))
            began = time.monotonic()
            status, body = call(connection, "POST", "/api/v1/verification-requests", draft_n, token)
            took = time.monotonic() - began
            with lock:
                if status == 201:
                    acknowledged.append(json.loads(body)["id"])
                    latencies.append(took)
                else:
                    errors.append(status)
        except (OSError, http.client.HTTPException):
            connection = None  # the server is down: try again
            time.sleep(0.02)


threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
began = time.monotonic()
for thread in threads:
    thread.start()
time.sleep(args.seconds / 2)
with lock:
    before_kill = len(acknowledged)
server.send_signal(signal.SIGKILL)
server.wait()
killed_at = time.monotonic()
server = start()
restart = time.monotonic() - killed_at
for thread in threads:
    thread.join()
elapsed = time.monotonic() - began

# Every acknowledged request is there, whole.
admin_check = http.client.HTTPConnection("127.0.0.1", args.port, timeout=10)
missing, partial = 0, 0
for identifier in acknowledged:
    status, body = call(admin_check, "GET", "/api/v1/verification-requests/" + identifier, token=token)
    if status != 200:
        missing += 1
        continue
    request = json.loads(body)
    if request["status"] != "submitted" or len(request["history"]) != 1:
        partial += 1
server.send_signal(signal.SIGTERM)
server.wait()

latencies.sort()
def percentile(p):
    return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000 if latencies else float("nan")
database = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
print(f"{database}: {args.clients} clients, {elapsed:.1f} s, SIGKILL after {args.seconds / 2:.0f} s ({before_kill} acknowledged by then), restart {restart:.2f} s")
print(f"acknowledged {len(acknowledged)} ({len(acknowledged) / elapsed:.0f}/s sustained), refused {len(errors)}")
print(f"latency p50 {percentile(0.5):.1f} ms, p99 {percentile(0.99):.1f} ms")
print(f"after restart: missing {missing}, half-written {partial}")
sys.exit(1 if missing or partial else 0)
