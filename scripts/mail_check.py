#!/usr/bin/env python3
"""Email through a real SMTP server (aiosmtpd from PyPI, on 127.0.0.1): a request's whole
life mailed to its employer with correct headers (From, To, Subject per RFC 2047, Date,
Message-ID) and both languages; the server refusing the first delivery with a 4xx, so the
message must arrive later; a 5xx for one employer's address not holding back the others;
and the holder's invitation (issue 31): both languages, the link that opens their place, no
passport number.

    python3 scripts/mail_check.py --binary .build/debug/credence   (pip install aiosmtpd)
"""
import argparse, base64, email, email.header, email.policy, hashlib, hmac, json, os, struct, subprocess, sys, tempfile, threading, time
import urllib.request

from aiosmtpd.controller import Controller

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scriptlib import totp, wait_up  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/debug/credence")
parser.add_argument("--port", type=int, default=18437)
parser.add_argument("--smtp-port", type=int, default=18438)
args = parser.parse_args()
base = f"http://127.0.0.1:{args.port}"
failures = []


def expect(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


class Mailbox:
    def __init__(self):
        self.messages = []
        self.refused_first = False
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("bounce"):
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if not self.refused_first:
                self.refused_first = True
                return "451 4.3.0 Try again later"
            self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted"


mailbox = Mailbox()
controller = Controller(mailbox, hostname="127.0.0.1", port=args.smtp_port)
controller.start()
data = tempfile.mkdtemp(prefix="credence-mail-")
env = dict(os.environ, CREDENCE_DATA_DIR=data, CREDENCE_PUBLIC_URL=base, CREDENCE_SMTP_URL=f"smtp://127.0.0.1:{args.smtp_port}",
           CREDENCE_MAIL_FROM="noreply@credence.example")
env.pop("DATABASE_URL", None)


def call(method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(base + path, method=method, headers=headers, data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"{}")


def employer(name, address):
    call("POST", "/api/v1/employers", {"organizationName": name, "unifiedSocialCreditCode": "9144030071526726XG", "contactName": "HR",
                                       "email": address, "phone": "022 1234 5678", "password": "a long mail passphrase"})
    return call("POST", "/api/v1/tokens", {"email": address, "password": "a long mail passphrase"})["token"]


def cli(arguments, password):
    """A `credence` command beside the running server; its stderr said if it fails."""
    run = subprocess.run([args.binary] + arguments, input=password, capture_output=True, text=True, env=env)
    if run.returncode != 0:
        sys.exit(f"credence {' '.join(arguments)} failed ({run.returncode}): {run.stderr.strip()}")
    return run.stdout


server = subprocess.Popen([args.binary, "serve", "--port", str(args.port), "--log-level", "error"], env=env)
try:
    wait_up(base)
    created = cli(["users", "create", "--role", "officer", "--email", "officer@mail.example", "--name", "Officer"], "an officer passphrase")
    secret = next(line.split()[-1] for line in created.splitlines() if "secret:" in line)
    # Both staff accounts first, while the server is idle: the CLI writes the same SQLite file.
    created = cli(["users", "create", "--role", "admin", "--email", "admin@mail.example", "--name", "Admin"], "an admin passphrase")
    admin_secret = next(line.split()[-1] for line in created.splitlines() if "secret:" in line)
    # The departments that must approve a new edition (issue 34): one reviewer each.
    reviewer_secrets = {}
    for department in ["hrss", "ftz"]:
        created = cli(["users", "create", "--role", "reviewer", "--department", department, "--email", f"{department}@mail.example",
                       "--name", department], "a reviewer passphrase")
        reviewer_secrets[department] = next(line.split()[-1] for line in created.splitlines() if "secret:" in line)
    officer = call("POST", "/api/v1/tokens", {"email": "officer@mail.example", "password": "an officer passphrase", "totp": totp(secret)})["token"]
    good = employer("天津示例科技有限公司", "hr@good.example")
    bouncing = employer("Bounce Ltd", "bounce@bad.example")

    def life(token, number):
        request = call("POST", "/api/v1/verification-requests", {"entryId": "cfa", "holder": {"name": "Ana Souza", "nationality": "BR"},
                                                                 "certificateNumber": number, "holderConsent": True}, token)
        path = f"/api/v1/verification-requests/{request['id']}"
        call("POST", path + "/request-info", {"items": [{"code": "certificate_scan", "note": "Both sides"}]}, officer)
        call("POST", path + "/resubmit", {"answers": [{"item": 1, "note": "Sent by post"}]}, token)
        call("POST", path + "/accept", None, officer)
        call("POST", path + "/complete", {"outcome": "authentic"}, officer)
        return request["id"]

    # Issue 31: a request with the holder's address mails the holder a link (another employer, so
    # the good employer's count below stays its own).
    third = employer("Third Ltd", "hr@third.example")
    call("POST", "/api/v1/verification-requests", {"entryId": "cfa", "holder": {"name": "Ana Souza", "nationality": "BR", "passportNumber": "FZ1234567",
                                                   "dateOfBirth": "1990-02-03", "email": "holder@person.example"},
                                                   "certificateNumber": "H-1", "holderConsent": True}, third)
    bounced_id = life(bouncing, "B-1")
    request_id = life(good, "G-1")

    # A new edition retires cfa: the employer with a completed cfa result is alerted by mail.
    admin = call("POST", "/api/v1/tokens", {"email": "admin@mail.example", "password": "an admin passphrase", "totp": totp(admin_secret)})["token"]
    call("POST", "/api/v1/editions", {"id": "tianjin-2027", "jurisdiction": "tianjin", "title": {"zh": "2027年版", "en": "2027 edition"},
                                      "basedOn": "tianjin-2023"}, admin)
    call("POST", "/api/v1/editions/tianjin-2027/entries/cfa/retire", {"reason": "membership_level", "note": "test retirement"}, admin)
    today = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 8 * 3600))
    call("POST", "/api/v1/editions/tianjin-2027/sign-off-request", None, admin)
    for department, reviewer_secret in reviewer_secrets.items():
        reviewer = call("POST", "/api/v1/tokens", {"email": f"{department}@mail.example", "password": "a reviewer passphrase",
                                                   "totp": totp(reviewer_secret)})["token"]
        call("POST", "/api/v1/editions/tianjin-2027/approvals", {"decision": "approve"}, reviewer)
    call("POST", "/api/v1/editions/tianjin-2027/publish", {"noticeRef": "test", "issuedOn": today, "effectiveOn": today}, admin)

    deadline = time.time() + 40
    while time.time() < deadline and (len([m for m in mailbox.messages if "hr@good.example" in m[1]]) < 6
                                      or not any("holder@person.example" in m[1] for m in mailbox.messages)):
        time.sleep(0.5)
    invitations = [m for m in mailbox.messages if "holder@person.example" in m[1]]
    expect(len(invitations) == 1, f"the holder got one invitation ({len(invitations)})")
    if invitations:
        message = email.message_from_bytes(invitations[0][2], policy=email.policy.default)
        text = message.get_body(preferencelist=("plain",)).get_content()
        html = message.get_body(preferencelist=("html",)).get_content()
        links = [word for word in text.split() if word.startswith(f"{base}/holder/")]
        expect(len(set(links)) == 1 and links[0] in html, "the invitation carries the holder's link, in text and HTML")
        expect("Third Ltd" in text and "您好" in text and "Hello" in text and "CFA" in text, "both languages, naming who asks and the qualification")
        expect("FZ1234567" not in text and "FZ1234567" not in html and "1990-02-03" not in text, "no passport number or date of birth in the mail")
        if links:
            page = call("GET", "/api/v1/holder/" + links[0].rsplit("/", 1)[1])
            expect(page["request"]["holder"]["passportNumber"] == "FZ*****67", "the link opens the holder's place (the passport masked there too)")
finally:
    server.terminate()
    server.wait()
    controller.stop()



class TLSMailbox:
    """Takes mail only after STARTTLS (aiosmtpd refuses MAIL before it): issue 43's leg."""
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((session.ssl is not None, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted"


def starttls_leg():
    """The same client over STARTTLS to a server whose certificate a private authority signed
    (CREDENCE_SMTP_CA_FILE), and a mail folder on an install without SMTP."""
    import ssl
    folder = tempfile.mkdtemp(prefix="credence-tls-")
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"], check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    tls_box = TLSMailbox()
    tls_controller = Controller(tls_box, hostname="127.0.0.1", port=args.smtp_port + 1, tls_context=context, require_starttls=True)
    tls_controller.start()
    leg_env = dict(os.environ, CREDENCE_DATA_DIR=os.path.join(folder, "data"), CREDENCE_PUBLIC_URL=base,
                   CREDENCE_SMTP_URL=f"smtp://localhost:{args.smtp_port + 1}", CREDENCE_MAIL_FROM="noreply@credence.example",
                   CREDENCE_SMTP_CA_FILE=cert)
    leg_env.pop("DATABASE_URL", None)
    leg = subprocess.Popen([args.binary, "serve", "--port", str(args.port), "--log-level", "error"], env=leg_env)
    try:
        wait_up(base)
        token = employer("TLS Ltd", "hr@tls.example")
        call("POST", "/api/v1/verification-requests", {"entryId": "cfa", "holder": {"name": "Ana Souza", "nationality": "BR"},
                                                       "certificateNumber": "T-1", "holderConsent": True}, token)
        deadline = time.time() + 30
        while time.time() < deadline and not tls_box.messages:
            time.sleep(0.3)
    finally:
        leg.terminate()
        leg.wait()
        tls_controller.stop()
    expect(len(tls_box.messages) == 1 and tls_box.messages[0][0], "over STARTTLS (a private authority trusted by CREDENCE_SMTP_CA_FILE) the mail arrived")


starttls_leg()
everything = [m for m in mailbox.messages if "hr@good.example" in m[1]]
alerts = [m for m in everything if "entry.retired" in m[2].decode() or b"Catalog" in m[2]
          or "Catalog change" in str(email.message_from_bytes(m[2], policy=email.policy.default)["Subject"])]
expect(len(alerts) == 1, f"the catalog alert reached the mailbox ({len(alerts)})")
if alerts:
    body = email.message_from_bytes(alerts[0][2], policy=email.policy.default).get_body(preferencelist=("plain",)).get_content()
    expect(f"{base}/requests/{request_id}" in body and "retires" in body and "移出" in body, "the alert names the affected request, in both languages")
mine = [m for m in everything if m not in alerts]
expect(mailbox.refused_first, "the server refused the first delivery with 451")
expect(len(mine) == 5, f"the good employer got every change of its request's life, once each ({len(mine)} of 5: "
       "submitted, needs_info, submitted, accepted, completed), the refused one included")
expect(not any("bounce@bad.example" in m[1] for m in mailbox.messages), "nothing was accepted for the address that does not exist")
subjects = []
for sender, recipients, content in mine:
    message = email.message_from_bytes(content, policy=email.policy.default)
    for header in ["From", "To", "Subject", "Date", "Message-ID"]:
        expect(message[header] is not None, f"header {header} present")
    raw_subject = email.message_from_bytes(content)["Subject"]
    subjects.append(str(message["Subject"]))
    expect(raw_subject.startswith("=?UTF-8?B?"), f"the UTF-8 subject is encoded per RFC 2047 ({raw_subject[:30]}…)")
    expect(message["From"] == "noreply@credence.example" and message["To"] == "hr@good.example", "From and To")
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    expect(f"{base}/requests/{request_id}" in text and "View the request" in text and "查看申请" in text, "both languages and the link, in text")
    expect(f"{base}/requests/{request_id}" in html, "the link, in HTML")
print("subjects:", subjects)
expect(any("证书真实" in body or "Authentic" in body for _, _, c in mine
           for body in [email.message_from_bytes(c, policy=email.policy.default).get_body(preferencelist=("plain",)).get_content()]),
       "the completion mail states the outcome")
expect(any("1. 证书扫描件：Both sides" in body and "1. Scan of the certificate: Both sides" in body for _, _, c in mine
           for body in [email.message_from_bytes(c, policy=email.policy.default).get_body(preferencelist=("plain",)).get_content()]),
       "the request for information lists every item, in both languages")
expect(all("持证人：Ana Souza" in body and "Holder: Ana Souza; qualification: Chartered Financial Analyst" in body for _, _, c in mine
           for body in [email.message_from_bytes(c, policy=email.policy.default).get_body(preferencelist=("plain",)).get_content()]),
       "every status mail names the holder and the qualification")
expect(len({email.message_from_bytes(c)["Message-ID"] for _, _, c in mine}) == 5, "every Message-ID differs")
if failures:
    sys.exit(f"{len(failures)} check(s) failed")
print("mail: all checks passed")
