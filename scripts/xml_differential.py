#!/usr/bin/env python3
"""Credence's XML scanner (Sources/CredenceSheets/XMLScanner.swift) held against an independent
implementation, Python's expat (issue 42): every XML document of a FuzzXLSX corpus (mutated
sheets, shared strings and styles) and a set of hand-made ones is read by both.

    python3 scripts/xml_differential.py [--binary .build/debug/XMLEvents] [--corpus ci-artifacts/fuzz/corpus/FuzzXLSX]

Where both read a document, their elements, attributes and text must be the same. Where only
one does, the difference must be one the scanner means to have: it refuses what no workbook
part holds (a document type declaration, an encoding other than UTF-8), and holds names to
XML 1.0 Fifth Edition's name characters where expat holds them to the Fourth's (beyond ASCII
only). Anything else fails the run.
"""
import argparse, glob, json, os, subprocess, sys, tempfile
import xml.parsers.expat

parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/debug/XMLEvents")
parser.add_argument("--corpus", default="ci-artifacts/fuzz/corpus/FuzzXLSX")
args = parser.parse_args()

HAND = [
    b'<?xml version="1.0" encoding="UTF-8"?>\r\n<a x="1 &amp; 2" y=\'q\'><b/>t&lt;&#x4E2D;&#25991;&gt;<![CDATA[<c>&amp;]]><!-- n --></a>',
    b'<a>line\r\nnext\rlast</a>', b'<a v="x\ty\nz"/>', b'<a>&quot;&apos;</a>', b'<x:a xmlns:x="u"><x:b r="A1"/></x:a>',
    b'<a><b></a>', b'<a>&unknown;</a>', b'<a>&#0;</a>', b'<a b="1" b="2"/>', b'<a/><b/>', b'<a>', b'', b'text<a/>',
    b'<a b="<"/>', b'<a>\xff</a>', b'<?xml version="1.0"?><a>\xe4\xb8\xad</a>', b'\xef\xbb\xbf<a/>', b'<a>]]></a>',
]


def expat_events(data):
    events = []

    def text(t):
        if events and events[-1][0] == "text":
            events[-1][1] += t
        else:
            events.append(["text", t])
    p = xml.parsers.expat.ParserCreate()
    p.StartElementHandler = lambda name, attributes: events.append(["start", name, attributes])
    p.EndElementHandler = lambda name: events.append(["end", name])
    p.CharacterDataHandler = text
    declared = []
    p.StartDoctypeDeclHandler = lambda *a: declared.append("doctype")
    p.XmlDeclHandler = lambda version, encoding, standalone: declared.append(encoding)
    try:
        p.Parse(data, True)
    except xml.parsers.expat.ExpatError as error:
        error.byte_index = p.ErrorByteIndex
        return False, [], error, declared
    return True, events, None, declared


def main():
    files = []
    work = tempfile.mkdtemp(prefix="credence-xml-")
    for i, data in enumerate(HAND):
        path = os.path.join(work, f"hand-{i}")
        open(path, "wb").write(b"\x01" + data)
        files.append(path)
    for path in sorted(glob.glob(os.path.join(args.corpus, "*"))):
        with open(path, "rb") as f:
            first = f.read(1)
        if first and first[0] % 4 != 0:  # FuzzXLSX: 1, 2, 3 are one XML part
            files.append(path)
    out = subprocess.run([args.binary, "--skip-first-byte"] + files, capture_output=True, check=True).stdout.decode().splitlines()
    ours = {line["file"]: line for line in map(json.loads, out)}
    same = both_refuse = meant = 0
    problems = []
    for path in files:
        data = open(path, "rb").read()[1:]
        ok, events, error, declared = expat_events(data)
        mine = ours[path]
        if ok and mine["ok"]:
            if events == mine["events"]:
                same += 1
            else:
                problems.append(f"{path}: both read it, differently:\n  expat {events[:8]}\n  ours  {mine['events'][:8]}")
        elif not ok and not mine["ok"]:
            both_refuse += 1
        elif ok and not mine["ok"]:
            # Meant: a document type declaration, an encoding other than UTF-8, bytes that are not UTF-8.
            other_encoding = any(d and d.lower() not in ("utf-8", "utf8") for d in declared if d != "doctype")
            valid_utf8 = True
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                valid_utf8 = False
            if "doctype" in declared or other_encoding or not valid_utf8 or b"<!DOCTYPE" in data:
                meant += 1
            else:
                problems.append(f"{path}: expat reads it, the scanner refuses it: {data[:120]!r}")
        else:
            # The scanner holds names to XML 1.0 Fifth Edition's name characters; expat to the
            # Fourth's, which allow fewer scalars beyond ASCII. So the byte expat stops at is then
            # one from 0x80, inside a tag. In ASCII both hold the same rules.
            index = error.byte_index
            at = data[index] if 0 <= index < len(data) else None
            name_character = at is not None and at >= 0x80 and data.rfind(b"<", 0, index) > data.rfind(b">", 0, index)
            if name_character:
                meant += 1
            else:
                problems.append(f"{path}: the scanner reads it, expat refuses it ({error}): {data[:120]!r}")
    print(f"{len(files)} documents: {same} read alike by both, {both_refuse} refused by both, {meant} told apart as meant, {len(problems)} not")
    for problem in problems[:20]:
        print(problem)
    sys.exit(1 if problems else 0)


main()
