#!/usr/bin/env python3
"""An independent verifier for Credence's credentials, written from the W3C specifications
with PyPI parts only — rfc8785 (JCS), pynacl (Ed25519), base58 — and no Credence code.

It starts a server, has a request completed, fetches the credential and the issuer's
/.well-known/did.json (by did:web's rule from the issuer's DID), and checks the
eddsa-jcs-2022 proof; a credential with its subject changed must fail. Then it reads the
revocation list (GZIP bitstring, multibase base64url), revokes the result and sees the bit
set, has a result changed by a review (复核) and sees the old credential revoked as
superseded and the new one verify, rotates the signing key (`credence keys rotate`) and
checks that the old credential
still verifies and a new one names the new key.

    python3 scripts/credentials_check.py --binary .build/debug/credence   (pip install rfc8785 pynacl base58)
"""
import argparse, base64, copy, datetime, gzip, hashlib, hmac, json, os, struct, subprocess, sys, tempfile, time, urllib.parse, urllib.request

import base58
import nacl.exceptions
import nacl.signing
import rfc8785

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scriptlib import totp, wait_up  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/debug/credence")
parser.add_argument("--port", type=int, default=18436)
args = parser.parse_args()
base = f"http://127.0.0.1:{args.port}"
data = tempfile.mkdtemp(prefix="credence-vc-")
env = dict(os.environ, CREDENCE_DATA_DIR=data, CREDENCE_PUBLIC_URL=base)
env.pop("DATABASE_URL", None)
failures = []


def expect(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def call(method, path, body=None, token=None, raw=False):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(base + path, method=method, headers=headers,
                                     data=None if body is None else json.dumps(body).encode())
    try:
        with urllib.request.urlopen(request) as response:
            payload = response.read()
            return response.status, payload if raw else json.loads(payload)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


# ---- the verifier: W3C Data Integrity EdDSA Cryptosuites v1.0, eddsa-jcs-2022 ----

def did_web_url(did):
    """did:web:host%3Aport[:path] → https?://host:port/path/did.json (http for a local test host)."""
    parts = did.split(":")[2:]
    host = urllib.parse.unquote(parts[0])
    scheme = "http" if host.startswith(("127.0.0.1", "localhost")) else "https"
    path = "/".join(parts[1:])
    return f"{scheme}://{host}/" + (f"{path}/did.json" if path else ".well-known/did.json")


def public_key(did_document, method):
    for candidate in did_document["verificationMethod"]:
        if candidate["id"] == method and method in did_document["assertionMethod"]:
            decoded = base58.b58decode(candidate["publicKeyMultibase"][1:])
            assert candidate["publicKeyMultibase"][0] == "z" and decoded[:2] == b"\xed\x01"
            return decoded[2:]
    return None


def verify(credential):
    """True when the proof holds for a key the issuer's DID document publishes."""
    document = copy.deepcopy(credential)
    proof = document.pop("proof")
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != "eddsa-jcs-2022":
        return False
    signature = base58.b58decode(proof.pop("proofValue")[1:])
    if "@context" in proof and document["@context"][:len(proof["@context"])] != proof["@context"]:
        return False
    issuer = document["issuer"]["id"] if isinstance(document["issuer"], dict) else document["issuer"]
    if not proof["verificationMethod"].startswith(issuer + "#"):
        return False
    with urllib.request.urlopen(did_web_url(issuer)) as response:
        did_document = json.load(response)
    key = public_key(did_document, proof["verificationMethod"])
    if key is None:
        return False
    hash_data = hashlib.sha256(rfc8785.dumps(proof)).digest() + hashlib.sha256(rfc8785.dumps(document)).digest()
    try:
        nacl.signing.VerifyKey(key).verify(hash_data, signature)
        return True
    except nacl.exceptions.BadSignatureError:
        return False


def revoked(credential):
    """The credential's bit in its revocation list (the list's own proof checked too)."""
    entry = credential["credentialStatus"]
    with urllib.request.urlopen(entry["statusListCredential"]) as response:
        status_list = json.load(response)
    expect(verify(status_list), "the status list credential's own proof verifies")
    encoded = status_list["credentialSubject"]["encodedList"]
    assert encoded[0] == "u"
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    expect(len(bits) * 8 >= 131072, f"the list has at least 131,072 entries ({len(bits) * 8})")
    index = int(entry["statusListIndex"])
    return bits[index // 8] >> (7 - index % 8) & 1 == 1


# ---- a running server with a completed request ----

server = subprocess.Popen([args.binary, "serve", "--port", str(args.port), "--log-level", "error"], env=env)
try:
    wait_up(base)
    created = subprocess.run([args.binary, "users", "create", "--role", "officer", "--email", "officer@vc.example", "--name", "Officer"],
                             input="an officer passphrase", capture_output=True, text=True, env=env, check=True).stdout
    secret = next(line.split()[-1] for line in created.splitlines() if "secret:" in line)
    _, answer = call("POST", "/api/v1/tokens", {"email": "officer@vc.example", "password": "an officer passphrase", "totp": totp(secret)})
    officer = answer["token"]
    call("POST", "/api/v1/employers", {"organizationName": "VC Ltd", "unifiedSocialCreditCode": "9144030071526726XG", "contactName": "HR",
                                       "email": "hr@vc.example", "phone": "022 1234 5678", "password": "a long vc passphrase"})
    _, answer = call("POST", "/api/v1/tokens", {"email": "hr@vc.example", "password": "a long vc passphrase"})
    employer = answer["token"]

    def completed(number, **dates):
        _, request = call("POST", "/api/v1/verification-requests", {"entryId": "cfa", "holder": {"name": "Ana Souza", "nationality": "BR"},
                                                                    "certificateNumber": number, "holderConsent": True, **dates}, employer)
        call("POST", f"/api/v1/verification-requests/{request['id']}/accept", None, officer)
        call("POST", f"/api/v1/verification-requests/{request['id']}/complete", {"outcome": "authentic"}, officer)
        status, credential = call("GET", f"/api/v1/verification-requests/{request['id']}/credential", token=employer)
        assert status == 200, credential
        return request["id"], credential

    request_id, credential = completed("CFA-1")
    expect(verify(credential), "a credential issued by the running server verifies")
    for field, value in [("certificateNumber", "CFA-2"), ("outcome", "not_authentic"), ("holderName", "B*** S****")]:
        changed = copy.deepcopy(credential)
        changed["credentialSubject"][field] = value
        expect(not verify(changed), f"…and fails once credentialSubject.{field} is changed")
    expect(not revoked(credential), "its revocation bit is clear")

    status, _ = call("POST", f"/api/v1/verification-requests/{request_id}/revoke", {"reason": "issued_in_error"}, officer)
    expect(status == 200, "an officer revokes it")
    expect(revoked(credential), "its revocation bit is set")
    expect(verify(credential), "the signature itself still holds (revocation is the status list's to say)")

    # Issue 33: a current certificate's credential is valid until the end of its expiry day
    # (China time); an expired one's says so in its subject and carries no validUntil.
    today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()
    later, earlier = today + datetime.timedelta(days=400), today - datetime.timedelta(days=10)
    _, current = completed("CFA-4", issuedOn=str(today - datetime.timedelta(days=800)), expiresOn=str(later))
    until = datetime.datetime.fromisoformat(current["validUntil"].replace("Z", "+00:00"))
    expect(until == datetime.datetime.combine(later, datetime.time(23, 59, 59), datetime.timezone(datetime.timedelta(hours=8))),
           f"validUntil is the end of the expiry day, China time ({current['validUntil']})")
    expect(until > datetime.datetime.fromisoformat(current["validFrom"].replace("Z", "+00:00")), "validUntil comes after validFrom")
    expect(current["credentialSubject"]["certificateStatus"] == "current" and verify(current), "…the subject says current, and the proof covers it")
    changed = copy.deepcopy(current)
    changed["validUntil"] = "2099-12-31T15:59:59Z"
    expect(not verify(changed), "…and fails once validUntil is moved")
    _, lapsed = completed("CFA-5", issuedOn=str(today - datetime.timedelta(days=800)), expiresOn=str(earlier))
    expect("validUntil" not in lapsed and lapsed["credentialSubject"]["certificateStatus"] == "expired"
           and lapsed["credentialSubject"]["certificateExpiresOn"] == str(earlier) and verify(lapsed),
           "an expired certificate's credential says expired, with its expiry, and no validUntil")

    # Issue 33, 复核: a review that changes the result revokes the old credential (its bit set,
    # reason superseded) and the request's new credential — an id of its own — verifies.
    created = subprocess.run([args.binary, "users", "create", "--role", "officer", "--email", "reviewer@vc.example", "--name", "Reviewer"],
                             input="a reviewer passphrase", capture_output=True, text=True, env=env, check=True).stdout
    secret = next(line.split()[-1] for line in created.splitlines() if "secret:" in line)
    _, answer = call("POST", "/api/v1/tokens", {"email": "reviewer@vc.example", "password": "a reviewer passphrase", "totp": totp(secret)})
    reviewer = answer["token"]
    reviewed_id, old = completed("CFA-6")
    status, _ = call("POST", f"/api/v1/verification-requests/{reviewed_id}/review", {"reason": "The register shows it lapsed."}, employer)
    expect(status == 200, "the employer asks for a review")
    status, _ = call("POST", f"/api/v1/verification-requests/{reviewed_id}/review-decision",
                     {"decision": "changed", "outcome": "unable_to_verify", "note": "Not confirmed."}, officer)
    expect(status == 409, "the officer who recorded the result may not decide its review")
    status, _ = call("POST", f"/api/v1/verification-requests/{reviewed_id}/review-decision",
                     {"decision": "changed", "outcome": "unable_to_verify", "note": "Not confirmed."}, reviewer)
    expect(status == 200, "another officer changes the result")
    expect(revoked(old) and verify(old), "the superseded credential's bit is set (its signature still holds)")
    _, check = call("GET", f"/api/v1/verify/{old['credentialSubject']['verificationCode']}")
    expect((check.get("revocation") or {}).get("reason") == "superseded", "its code's public check says superseded")
    _, new = call("GET", f"/api/v1/verification-requests/{reviewed_id}/credential", token=employer)
    expect(verify(new) and not revoked(new) and new["id"] != old["id"] and new["credentialSubject"]["outcome"] == "unable_to_verify",
           "the new credential verifies, its bit is clear, its id is its own")

    rotated = subprocess.run([args.binary, "keys", "rotate"], capture_output=True, text=True, env=env, check=True).stdout.split()[-1]
    _, newer = completed("CFA-3")
    expect(newer["proof"]["verificationMethod"] == rotated, "after rotation a new credential names the new key")
    expect(verify(credential) and verify(newer), "both the earlier and the new credential verify against the DID document")
finally:
    server.terminate()
    server.wait()

if failures:
    sys.exit(f"{len(failures)} check(s) failed")
print("independent verifier: all checks passed")
