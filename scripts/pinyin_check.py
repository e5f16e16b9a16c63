#!/usr/bin/env python3
"""Issue 43: the pinyin search held against an independent implementation (pypinyin, from
PyPI, whose dictionary is built from other sources than Unihan alone).

1. Every character of Resources/pinyin-readings.txt: its customary reading is among
   pypinyin's readings of it (heteronyms included), or the difference is listed.
2. A running server: for each catalog entry, the first characters of its Chinese name as
   pypinyin spells them (full, and initials) find the entry in /api/v1/search.

    python3 scripts/pinyin_check.py --binary .build/debug/credence   (pip install pypinyin)
"""
import argparse, json, os, subprocess, sys, tempfile, urllib.parse, urllib.request

from pypinyin import Style, lazy_pinyin, pinyin

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scriptlib import wait_up  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/debug/credence")
parser.add_argument("--port", type=int, default=18461)
args = parser.parse_args()
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
failures = []

readings = {}
for line in open(os.path.join(root, "Sources/CredenceCore/Resources/pinyin-readings.txt"), encoding="utf-8"):
    if not line.startswith("#") and "\t" in line:
        char, spelled = line.rstrip("\n").split("\t")
        readings[char] = spelled.split()
differing = [c for c, ours in readings.items()
             if not set(ours) & {r.replace("ü", "v") for r in pinyin(c, style=Style.NORMAL, heteronym=True, v_to_u=False)[0]}]
share = len(differing) / len(readings)
print(f"{len(readings)} characters; {len(differing)} ({share:.2%}) share no reading with pypinyin: {''.join(differing[:40])}")
if share > 0.01:
    failures.append(f"{len(differing)} characters' readings differ from pypinyin's")

catalog = json.load(open(os.path.join(root, "Sources/CredenceCore/Resources/tianjin-2023.json"), encoding="utf-8"))
entries = catalog.get("entries", catalog)
base = f"http://127.0.0.1:{args.port}"
data = tempfile.mkdtemp(prefix="credence-pinyin-")
env = dict(os.environ, CREDENCE_DATA_DIR=data)
env.pop("DATABASE_URL", None)
server = subprocess.Popen([args.binary, "serve", "--port", str(args.port), "--log-level", "error"], env=env, stdout=subprocess.DEVNULL)
checked = 0
try:
    wait_up(base)
    for entry in entries:
        name = entry["name"]["zh"]
        runs = "".join(c if "\u4e00" <= c <= "\u9fff" else " " for c in name).split()
        han = max(runs, key=len) if runs else ""  # the name's longest run of Chinese, as typed without a break
        if len(han) < 2:
            continue
        words = lazy_pinyin(han[:4], v_to_u=False)
        for query in ["".join(words), "".join(w[0] for w in words)]:
            with urllib.request.urlopen(f"{base}/api/v1/search?q={urllib.parse.quote(query)}&limit=20") as response:
                found = [hit["entry"]["id"] if "entry" in hit else hit.get("id") for hit in json.load(response)["results"]]
            checked += 1
            if entry["id"] not in found:
                failures.append(f"{query!r} ({han[:4]}) does not find {entry['id']}: {found[:5]}")
finally:
    server.terminate()
    server.wait()
print(f"{checked} pypinyin spellings searched")
for failure in failures:
    print("FAIL", failure)
if failures:
    sys.exit(f"{len(failures)} check(s) failed")
print("pinyin: all checks passed")
