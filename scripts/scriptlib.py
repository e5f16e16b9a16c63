"""What the Python checks share: a TOTP code for a staff sign-in, and waiting for a server."""
import base64, hashlib, hmac, struct, sys, time, urllib.request


def totp(secret):
    """The current RFC 6238 code for a base32 secret."""
    key = base64.b32decode(secret + "=" * ((8 - len(secret) % 8) % 8))
    mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = mac[-1] & 15
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def wait_up(base, tries=300):
    """Returns once base/healthz answers 200; exits when it never does."""
    for _ in range(tries):
        try:
            if urllib.request.urlopen(base + "/healthz").status == 200:
                return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"{base} did not start")
