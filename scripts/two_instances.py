#!/usr/bin/env python3
"""Two Credence instances on one PostgreSQL, 200 status changes under way: a webhook
receiver and an SMTP server (aiosmtpd) must each count every change exactly once. Then a
revocation on one instance, and an account disabled by the CLI, must be refused by the other
instance as soon as they return (each instance keeps verified credentials for a while).

    DATABASE_URL=postgres://… python3 scripts/two_instances.py --binary .build/debug/credence   (pip install aiosmtpd)
"""
import argparse, base64, collections, hashlib, hmac, http.server, json, os, secrets, struct, subprocess, sys, tempfile, threading, time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from aiosmtpd.controller import Controller

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scriptlib import totp, wait_up  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/debug/credence")
parser.add_argument("--ports", default="18441,18442")
parser.add_argument("--requests", type=int, default=100)
parser.add_argument("--smtp-port", type=int, default=18443)
args = parser.parse_args()
ports = [int(p) for p in args.ports.split(",")]
bases = [f"http://127.0.0.1:{p}" for p in ports]
if not os.environ.get("DATABASE_URL"):
    sys.exit("DATABASE_URL must name an empty PostgreSQL database")

hooks = collections.Counter()
mails = collections.Counter()


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        hooks[(body["requestId"], body["status"], body.get("previousStatus"))] += 1
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


class Mailbox:
    async def handle_DATA(self, server, session, envelope):
        mails[envelope.content.split(b"Message-ID: ")[1].split(b"\r\n")[0]] += 1
        return "250 OK"


receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
threading.Thread(target=receiver.serve_forever, daemon=True).start()
controller = Controller(Mailbox(), hostname="127.0.0.1", port=args.smtp_port)
controller.start()
smtp_port = args.smtp_port
data = tempfile.mkdtemp(prefix="credence-two-")
env = dict(os.environ, CREDENCE_DATA_DIR=data, CREDENCE_SMTP_URL=f"smtp://127.0.0.1:{smtp_port}", CREDENCE_MAIL_FROM="noreply@credence.example",
           CREDENCE_DATA_KEY=base64.b64encode(secrets.token_bytes(32)).decode(),
           CREDENCE_SIGNING_KEY=base64.b64encode(secrets.token_bytes(32)).decode())


def status(base, method, path, token):
    request = urllib.request.Request(base + path, method=method, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def call(base, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(base + path, method=method, headers=headers, data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"{}")


servers = []
try:
    # The first instance migrates the database; the second joins it.
    servers.append(subprocess.Popen([args.binary, "serve", "--port", str(ports[0]), "--log-level", "error"], env=env))
    wait_up(bases[0])
    servers.append(subprocess.Popen([args.binary, "serve", "--port", str(ports[1]), "--log-level", "error"], env=env))
    wait_up(bases[1])
    officer_email = f"officer-{secrets.token_hex(4)}@two.example"
    created = subprocess.run([args.binary, "users", "create", "--role", "officer", "--email", officer_email, "--name", "Officer"],
                             input="an officer passphrase", capture_output=True, text=True, env=env, check=True).stdout
    secret = next(line.split()[-1] for line in created.splitlines() if "secret:" in line)
    officer = call(bases[1], "POST", "/api/v1/tokens", {"email": officer_email, "password": "an officer passphrase", "totp": totp(secret)})["token"]
    email = f"hr-{secrets.token_hex(4)}@two.example"
    call(bases[0], "POST", "/api/v1/employers", {"organizationName": "Two Ltd", "unifiedSocialCreditCode": "9144030071526726XG",
                                                  "contactName": "HR", "email": email, "phone": "022 1234 5678", "password": "a long two passphrase"})
    employer = call(bases[0], "POST", "/api/v1/tokens", {"email": email, "password": "a long two passphrase"})["token"]
    call(bases[0], "PUT", "/api/v1/webhook", {"url": f"http://127.0.0.1:{receiver.server_address[1]}/hook"}, employer)

    def life(n):
        # Alternate instances: each change is written by one and may be sent by either.
        request = call(bases[n % 2], "POST", "/api/v1/verification-requests",
                       {"entryId": "cfa", "holder": {"name": f"Holder {n}", "nationality": "GB"}, "certificateNumber": f"TWO-{n}",
                        "holderConsent": True}, employer)
        call(bases[(n + 1) % 2], "POST", f"/api/v1/verification-requests/{request['id']}/accept", None, officer)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(life, range(args.requests)))
    expected = 2 * args.requests
    deadline = time.time() + 90
    while time.time() < deadline and (sum(hooks.values()) < expected or sum(mails.values()) < expected):
        time.sleep(0.5)
    time.sleep(3)  # any second sending would have happened by now

    # Revocation, across instances: each has just verified (and may keep) the token.
    second = call(bases[0], "POST", "/api/v1/tokens", {"email": email, "password": "a long two passphrase"})["token"]
    seen = [status(base, "GET", "/api/v1/me", second) for base in bases]
    gone = status(bases[0], "DELETE", "/api/v1/tokens/current", second)
    refused = [status(base, "GET", "/api/v1/me", second) for base in reversed(bases)]
    print(f"a token revoked on one instance: before {seen}, revoked {gone}, after {refused} (second instance first)")
    revocation_ok = seen == [200, 200] and gone in (200, 204) and refused == [401, 401]
    seen = [status(base, "GET", "/api/v1/me", employer) for base in bases]
    subprocess.run([args.binary, "users", "disable", "--email", email], capture_output=True, env=env, check=True)
    refused = [status(base, "GET", "/api/v1/me", employer) for base in bases]
    print(f"an account disabled by the CLI: before {seen}, after {refused}")
    revocation_ok = revocation_ok and seen == [200, 200] and refused == [401, 401]
finally:
    for server in servers:
        server.terminate()
    for server in servers:
        server.wait()
    controller.stop()
    receiver.shutdown()

expected = 2 * args.requests
print(f"webhook messages: {sum(hooks.values())} received, {len(hooks)} distinct (expected {expected})")
print(f"mails: {sum(mails.values())} received, {len(mails)} distinct (expected {expected})")
ok = len(hooks) == expected and all(count == 1 for count in hooks.values()) and len(mails) == expected and all(count == 1 for count in mails.values())
if not ok:
    sys.exit("two instances: not every change was delivered exactly once")
if not revocation_ok:
    sys.exit("two instances: a revoked credential was still accepted")
print("two instances: every change delivered exactly once, by webhook and by mail")
