#!/usr/bin/env python3
"""Holding up where it will really run (issue 13): each fault against a real server.

    python3 scripts/faults.py [--binary .build/release/credence] [--only proxy,connections,...]

Sections: proxy (trusted proxies and the sign-in throttle), connections (24,000 half-open
connections), postgres (the database stopped and started again), sigterm (SIGTERM under 32
submitters), tls (HTTPS with HTTP/2, HSTS, Secure cookies), disk (SQLite on a full tmpfs;
needs root), purge (personal data past retention). Prints what held; exits 1 if anything
did not. Python standard library, curl, openssl; PostgreSQL 15 binaries for `postgres`.
"""
import argparse, http.client, json, os, random, shutil, signal, socket, ssl, subprocess, sys, tempfile, threading, time

parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/release/credence")
parser.add_argument("--only", default="proxy,connections,postgres,sigterm,tls,disk,purge")
parser.add_argument("--port", type=int, default=18533)
args = parser.parse_args()
BINARY = os.path.abspath(args.binary)
PG_BIN = "/usr/lib/postgresql/15/bin"
PASSWORD = "a long script passphrase"
failures = []


def check(ok, what):
    print(("  ok    " if ok else "  FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)


class Server:
    def __init__(self, env=None, port=None, extra=(), tls=False, data=None):
        self.port = port or args.port
        self.data = data or tempfile.mkdtemp(prefix="credence-faults-")
        self.env = dict(os.environ, CREDENCE_DATA_DIR=self.data, **(env or {}))
        self.extra, self.tls = list(extra), tls
        self.start()

    def start(self):
        self.log = open(os.path.join(tempfile.gettempdir(), f"credence-faults-{self.port}.log"), "a")
        self.process = subprocess.Popen([BINARY, "serve", "--port", str(self.port), "--log-level", "warning"] + self.extra,
                                        env=self.env, stdout=self.log, stderr=self.log)
        for _ in range(300):
            try:
                if self.get("/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        sys.exit(f"the server did not start (log: {self.log.name})")

    def connection(self, timeout=10):
        if self.tls:
            context = ssl.create_default_context()
            context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
            return http.client.HTTPSConnection("127.0.0.1", self.port, timeout=timeout, context=context)
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def call(self, method, path, body=None, token=None, headers=None, connection=None):
        connection = connection or self.connection()
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        if token:
            all_headers["Authorization"] = "Bearer " + token
        connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=all_headers)
        response = connection.getresponse()
        return response.status, response.read(), response

    def get(self, path, timeout=2):
        connection = self.connection(timeout)
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read(), response

    def employer(self, name, headers=None):
        email = f"hr-{name.lower().replace(' ', '-')}-{random.randrange(1 << 30)}@faults.example"
        status, body, _ = self.call("POST", "/api/v1/employers", {
            "organizationName": name, "unifiedSocialCreditCode": "9144030071526726XG", "contactName": "HR",
            "email": email, "phone": "022 1234 5678", "password": PASSWORD}, headers=headers)
        assert status == 201, (status, body)
        return email

    def token(self, email, headers=None):
        status, body, _ = self.call("POST", "/api/v1/tokens", {"email": email, "password": PASSWORD}, headers=headers)
        assert status == 201, (status, body)
        return json.loads(body)["token"]

    def cli(self, *arguments):
        return subprocess.run([BINARY, *arguments], env=self.env, capture_output=True, text=True)

    def stop(self, sig=signal.SIGTERM):
        if self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=30)
        return self.process.returncode


def draft(n):
    return {"entryId": "cka", "holder": {"name": "Fault Tester", "nationality": "GB", "passportNumber": "E1234567%d" % (n % 10)},
            "certificateNumber": "FT-%d-%d" % (n, random.randrange(1 << 30)), "holderConsent": True}


def proxy():
    print("== behind a proxy: CREDENCE_TRUSTED_PROXIES=127.0.0.1")
    server = Server({"CREDENCE_TRUSTED_PROXIES": "127.0.0.1"})
    a, elsewhere = {"X-Forwarded-For": "203.0.113.5"}, {"X-Forwarded-For": "198.51.100.7"}
    b = server.employer("B Ltd")

    def sign_in(email, password, headers):
        return server.call("POST", "/api/v1/tokens", {"email": email, "password": password}, headers=headers)[0]
    statuses = [sign_in(f"made-up-{i}@faults.example", "not the password", a) for i in range(6)]
    check(statuses == [401] * 6, f"six failures for other accounts from client A: {statuses}")
    check(sign_in(b, PASSWORD, a) == 201, "employer B signs in from A's address 203.0.113.5")
    check(sign_in(b, PASSWORD, elsewhere) == 201, "employer B signs in from 198.51.100.7")
    statuses = [sign_in(b, "not the password", a) for _ in range(6)]
    check(statuses == [401] * 5 + [429], f"failures against B's account from A, the sixth refused: {statuses}")
    check(sign_in(b, PASSWORD, elsewhere) == 201, "B still signs in from 198.51.100.7")
    server.stop()
    print("== no trusted proxy: a spoofed X-Forwarded-For changes nothing")
    server = Server()
    b = server.employer("B Ltd")
    statuses = [sign_in(b, "not the password", {"X-Forwarded-For": f"192.0.2.{i}"}) for i in range(6)]
    check(statuses == [401] * 5 + [429], f"six failures each 'from' another spoofed address: {statuses}")
    server.stop()


HOLDER = r"""
import socket, sys, time
n, port = int(sys.argv[1]), int(sys.argv[2])
held = []
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /heal")  # half a request line, and no more
    held.append(s)
print("held", flush=True)
sys.stdin.readline()  # until told
closed = 0
for s in held:
    s.setblocking(False)
    try:
        closed += s.recv(1) == b""
    except (BlockingIOError, InterruptedError):
        pass
    except OSError:
        closed += 1
print(closed, flush=True)
"""


def connections():
    print("== 24,000 half-open connections from two processes (header timeout 10 s)")
    server = Server()
    holders = [subprocess.Popen(["/bin/sh", "-c", f'ulimit -n $(ulimit -Hn); exec python3 -c "$0" 12000 {server.port}', HOLDER],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    began = time.monotonic()
    for holder in holders:
        check(holder.stdout.readline().strip() == "held", "a client process holds 12,000 connections")
    opened = time.monotonic() - began
    t = time.monotonic()
    try:
        status = server.get("/healthz", timeout=5)[0]
    except OSError as error:
        status = str(error)
    took = time.monotonic() - t
    check(status == 200 and took < 1, f"/healthz from a third client while they are held: {status} in {took * 1000:.0f} ms")
    time.sleep(11)  # the header timeout (10 s) after the last one opened
    closed = 0
    for holder in holders:
        holder.stdin.write("go\n")
        holder.stdin.flush()
        closed += int(holder.stdout.readline())
        holder.wait()
    check(closed == 24000, f"closed by the server within the header timeout: {closed} of 24000 (opened in {opened:.1f} s)")
    server.stop()


class Postgres:
    # Its own cluster, stopped and started by the checks: never the port CI's shared one uses.
    PORT = 54392 if os.environ.get("CREDENCE_CI_PG_PORT") == "54391" else 54391

    def __init__(self, port=PORT):
        self.port, self.root = port, tempfile.mkdtemp(prefix="credence-faults-pg-")
        shutil.chown(self.root, "postgres", "postgres")
        self.run("initdb", "-D", self.root + "/data", "-A", "trust", "-U", "postgres", "--encoding=UTF8", "--locale=C.UTF-8")
        self.start()
        self.url = f"postgres://postgres@127.0.0.1:{port}/postgres?sslmode=disable"

    def run(self, tool, *arguments):
        subprocess.run(["runuser", "-u", "postgres", "--", f"{PG_BIN}/{tool}", *arguments], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def start(self):
        self.run("pg_ctl", "-D", self.root + "/data", "-w", "-l", self.root + "/log", "-o",
                 f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off", "start")

    def stop(self):
        self.run("pg_ctl", "-D", self.root + "/data", "-m", "fast", "-w", "stop")

    def remove(self):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.root, ignore_errors=True)


def postgres():
    print("== PostgreSQL stopped and started again, Credence left running")
    database = Postgres()
    try:
        server = Server({"DATABASE_URL": database.url})
        token = server.token(server.employer("Outage Ltd"))
        check(server.call("POST", "/api/v1/verification-requests", draft(1), token)[0] == 201, "a submission with the database up: 201")
        database.stop()
        status, body, response = server.call("POST", "/api/v1/verification-requests", draft(2), token)
        code = json.loads(body).get("error", {}).get("code") if body.startswith(b"{") else body[:80]
        check(status == 503 and response.getheader("Retry-After") is not None,
              f"database stopped: a submission answers {status} {code}, Retry-After {response.getheader('Retry-After')}")
        status = server.get("/api/v1/entries/cka")[0]
        check(status == 200, f"catalog reads go on from memory: {status}")
        database.start()
        began = time.monotonic()
        status = None
        while time.monotonic() - began < 10:
            status = server.call("POST", "/api/v1/verification-requests", draft(3), token)[0]
            if status == 201:
                break
            time.sleep(0.2)
        took = time.monotonic() - began
        check(status == 201 and took < 5, f"database started again: next submission {status} after {took:.1f} s, no restart")
        server.stop()
    finally:
        database.remove()


def sigterm():
    print("== SIGTERM while 32 clients submit")
    server = Server()
    token = server.token(server.employer("Shutdown Ltd"))
    acknowledged, lock, stop = [], threading.Lock(), threading.Event()

    def client(n):
        connection = server.connection()
        while not stop.is_set():
            try:
                status, body, _ = server.call("POST", "/api/v1/verification-requests", draft(n), token, connection=connection)
                if status == 201:
                    with lock:
                        acknowledged.append(json.loads(body)["id"])
            except (OSError, http.client.HTTPException):
                return
    threads = [threading.Thread(target=client, args=(n,)) for n in range(32)]
    for thread in threads:
        thread.start()
    time.sleep(3)
    began = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    code = server.process.wait(timeout=30)
    took = time.monotonic() - began
    stop.set()
    for thread in threads:
        thread.join()
    check(code == 0 and took < 15, f"exit status {code} after {took:.1f} s ({len(acknowledged)} submissions acknowledged)")
    server.start()
    missing = sum(server.call("GET", "/api/v1/verification-requests/" + i, token=token)[0] != 200 for i in acknowledged)
    check(missing == 0, f"after restart every acknowledged submission is there: {len(acknowledged) - missing} of {len(acknowledged)}")
    server.stop()


def tls():
    print("== over TLS: a self-signed certificate made here")
    folder = tempfile.mkdtemp(prefix="credence-faults-tls-")
    cert, key = folder + "/cert.pem", folder + "/key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert],
                   check=True, capture_output=True)
    server = Server(extra=["--tls-certificate", cert, "--tls-key", key], tls=True)
    base = f"https://127.0.0.1:{server.port}"
    result = subprocess.run(["curl", "-s", "--cacert", cert, "-o", "/dev/null", "-D", "-", "-w", "%{http_version}", base + "/sign-in"],
                            capture_output=True, text=True)
    headers = result.stdout.lower()
    check(result.stdout.strip().endswith("2"), "HTTP/2 negotiated by ALPN (curl --cacert: " + result.stdout.strip().splitlines()[-1] + ")")
    check("strict-transport-security: max-age=31536000" in headers, "the page carries Strict-Transport-Security")
    check("set-cookie: credence_csrf=" in headers and "; secure" in headers, "its cookie is Secure")
    status = subprocess.run(["curl", "-s", "--http1.1", "--cacert", cert, "-o", "/dev/null", "-w", "%{http_code} %{http_version}",
                             base + "/api/v1/entries/cka"], capture_output=True, text=True).stdout
    check(status == "200 1.1", f"the API over HTTP/1.1 and TLS: {status}")
    email = server.employer("TLS Ltd")
    check(len(server.token(email)) > 20, "sign-in over TLS")
    plain = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", f"http://127.0.0.1:{server.port}/healthz"],
                           capture_output=True, text=True).stdout
    check(plain in ("000", "400"), f"plain HTTP to the TLS port is not served: {plain}")
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


def disk():
    print("== SQLite on a full disk (a 24 MiB tmpfs)")
    if os.geteuid() != 0:
        check(False, "needs root to mount a tmpfs")
        return
    folder = tempfile.mkdtemp(prefix="credence-faults-disk-")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", folder], capture_output=True, text=True)
    if mounted.returncode != 0:
        check(False, "cannot mount a tmpfs here: " + mounted.stderr.strip())
        return
    try:
        server = Server(data=folder)
        token = server.token(server.employer("Disk Ltd"))
        check(server.call("POST", "/api/v1/verification-requests", draft(1), token)[0] == 201, "a submission with room: 201")
        filler = os.path.join(folder, "filler")
        with open(filler, "wb") as f:
            try:
                while True:
                    f.write(b"\0" * (1 << 20))
                    f.flush()
            except OSError:
                pass
        statuses = []
        for n in range(20):
            status, body, response = server.call("POST", "/api/v1/verification-requests", draft(n), token)
            statuses.append((status, json.loads(body).get("error", {}).get("code") if status != 201 else None,
                             response.getheader("Retry-After")))
        refused = [s for s in statuses if s[0] != 201]
        check(refused and all(s[0] == 503 and s[1] == "storage_full" and s[2] for s in refused),
              f"disk full: {len(refused)} of 20 refused, each {sorted(set(refused))}")
        os.remove(filler)
        status = server.call("POST", "/api/v1/verification-requests", draft(99), token)[0]
        check(status == 201, f"space freed: the next submission {status}, no restart")
        server.stop()
        import sqlite3
        db = sqlite3.connect(os.path.join(folder, "credence.sqlite"))
        result = db.execute("PRAGMA integrity_check").fetchone()[0]
        db.close()
        check(result == "ok", f"PRAGMA integrity_check: {result}")
        audit = server.cli("audit", "verify")
        check(audit.returncode == 0, "credence audit verify: " + (audit.stdout + audit.stderr).strip().splitlines()[-1])
    finally:
        subprocess.run(["umount", folder])
        shutil.rmtree(folder, ignore_errors=True)


def purge():
    print("== personal data past retention (credence purge)")
    server = Server()
    token = server.token(server.employer("Retention Ltd"))
    ids = [json.loads(server.call("POST", "/api/v1/verification-requests", draft(n), token)[1])["id"] for n in range(3)]
    for identifier in ids[:2]:
        check(server.call("POST", f"/api/v1/verification-requests/{identifier}/withdraw", {}, token)[0] == 200, "withdrawn")
    server.stop()
    # Ask as if 200 days had passed.
    later = dict(server.env, CREDENCE_RETENTION_DAYS="0")
    dry = subprocess.run([BINARY, "purge", "--dry-run"], env=later, capture_output=True, text=True)
    check(dry.returncode == 0 and all(i in dry.stdout for i in ids[:2]) and ids[2] not in dry.stdout,
          "purge --dry-run lists the two finished requests, not the open one")
    done = subprocess.run([BINARY, "purge"], env=later, capture_output=True, text=True)
    check(done.returncode == 0, "purge: " + (done.stdout + done.stderr).strip().splitlines()[-1] if (done.stdout + done.stderr).strip() else "purge")
    import sqlite3
    db = sqlite3.connect(os.path.join(server.data, "credence.sqlite"))
    sealed = db.execute("SELECT COUNT(*) FROM verification_requests WHERE passport_sealed IS NOT NULL OR passport_masked IS NOT NULL").fetchone()[0]
    check(sealed == 1, f"passport numbers left: {sealed} (the open request's own)")
    erased = db.execute("SELECT COUNT(*) FROM verification_requests WHERE personal_data_erased_at IS NOT NULL").fetchone()[0]
    check(erased == 2, f"requests marked erased: {erased}")
    free = db.execute("PRAGMA freelist_count").fetchone()[0]
    check(free == 0, f"the SQLite file is vacuumed (free pages: {free})")
    audit = server.cli("audit", "verify")
    check(audit.returncode == 0, "credence audit verify after purge")


sections = {"proxy": proxy, "connections": connections, "postgres": postgres, "sigterm": sigterm, "tls": tls, "disk": disk, "purge": purge}
for name in args.only.split(","):
    began = time.monotonic()
    try:
        sections[name]()
    except Exception as error:  # a section that crashes is a failure, and the rest still run
        check(False, f"{name} crashed: {error!r}")
    print(f"   ({name}: {time.monotonic() - began:.1f} s)", flush=True)
print("faults: all held" if not failures else f"faults: {len(failures)} did not hold")
sys.exit(1 if failures else 0)
