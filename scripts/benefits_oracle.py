#!/usr/bin/env python3
"""An independent reading of benefits-rules.md version 2, written from the document alone
(no Credence code), checked against a running server: 400 generated profiles — every
input of the rules, `workRelatedTo` and `linked_unlisted` among them — must get the same
status for each of the fifteen benefits, the same `level` on title.equivalence, and the
same per-qualification statuses (`byQualification`).

    python3 scripts/benefits_oracle.py --binary .build/debug/credence [--profiles 400] [--seed N] [--save-answers DIR]

--save-answers keeps every answer's bytes as the server sent them (DIR/0001.json…), so two
builds can be compared byte for byte: `cmp` each pair (docs/benchmarks.md, issue 35).
"""
import argparse, json, os, random, subprocess, sys, tempfile, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scriptlib import wait_up  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/debug/credence")
parser.add_argument("--port", type=int, default=18441)
parser.add_argument("--profiles", type=int, default=400)
parser.add_argument("--seed", type=int, default=20261201)
parser.add_argument("--save-answers", help="a folder to keep every answer's bytes in")
args = parser.parse_args()
base = f"http://127.0.0.1:{args.port}"

NA, C, A = 0, 1, 2
NAME = {NA: "not_applicable", C: "conditional", A: "applies"}
RANK = {"intermediate": 1, "deputy_senior": 2}
FOREIGN = {"permit.relaxed_requirements", "permit.age_limit", "permit.class_a_five_year",
           "permit.high_end_confirmation_letter", "entry.multi_entry_visa_or_residence_permit",
           "entry.permanent_residence_channel", "entry.port_visa"}
BENEFITS = ["practice.ftz", "practice.experience_equivalence", "title.equivalence", "title.next_level",
            "permit.relaxed_requirements", "permit.age_limit", "permit.class_a_five_year",
            "permit.high_end_confirmation_letter", "entry.multi_entry_visa_or_residence_permit",
            "entry.permanent_residence_channel", "entry.port_visa", "support.comprehensive",
            "support.bincheng_card", "support.haihe_card", "verification.free"]


def get(path):
    with urllib.request.urlopen(base + path) as response:
        return json.loads(response.read())


saved = 0


def post(path, body):
    global saved
    request = urllib.request.Request(base + path, method="POST", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as response:
            raw = response.read()
            if args.save_answers:
                saved += 1
                os.makedirs(args.save_answers, exist_ok=True)
                with open(os.path.join(args.save_answers, f"{saved:04d}.json"), "wb") as out:
                    out.write(raw)
            return response.status, json.loads(raw)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


# ---- the reading of version 2 ----

def scope(profile, zones):
    zone = profile.get("workZone")
    if zone is None or zone == "linked_unlisted":
        return C
    if zone == "outside":
        return NA
    assert zone in zones
    return A


def standing(entry, profile):
    """Step 2: does this held qualification count?"""
    related = profile.get("workRelatedTo")
    status = C if related is None else (A if entry["id"] in related else NA)
    needed = entry.get("minExperienceYears")
    if needed is not None:
        years = profile.get("relevantExperienceYears")
        status = min(status, C if years is None else (A if years >= needed else NA))
    return status


def title_from_criteria(entry, profile):
    """title.equivalence from meetsTitleCriteria alone: (status, level)."""
    level = entry.get("titleLevel")
    if level is None:
        return NA, None
    criteria = profile.get("meetsTitleCriteria")
    if criteria is True:
        return A, level
    if criteria is None:
        return C, level
    return (C, "intermediate") if level == "deputy_senior" else (NA, level)


def rule(benefit, entry, profile):
    """Step 3 for one held qualification: (status, level)."""
    exam = profile.get("examBasedSpecialty")
    if benefit == "title.equivalence":
        status, level = title_from_criteria(entry, profile)
        if level is not None and exam is True:
            status = min(status, C)
        return status, level
    if benefit == "title.next_level":
        status, level = title_from_criteria(entry, profile)
        if level is None:
            return NA, None
        if exam is True:
            return NA, level
        return (min(status, C) if exam is None else status), level
    if benefit == "permit.age_limit":
        age, high = profile.get("age"), profile.get("highTechIndustry")
        if age is None:
            return C, None
        if age <= 65:
            return A, None
        if age > 70:
            return NA, None
        return {True: A, False: NA, None: C}[high], None
    if benefit == "permit.class_a_five_year":
        return {True: A, False: NA, None: C}[profile.get("classA")], None
    if benefit == "permit.high_end_confirmation_letter":
        return (NA if profile.get("classA") is False else C), None
    fixed = {"practice.ftz": C, "practice.experience_equivalence": A, "permit.relaxed_requirements": A,
             "entry.multi_entry_visa_or_residence_permit": A, "entry.permanent_residence_channel": C,
             "entry.port_visa": C, "support.comprehensive": C, "support.bincheng_card": A,
             "support.haihe_card": C, "verification.free": A}
    return fixed[benefit], None


def evaluate(profile, entries, zones):
    held = []
    for qid in profile["qualifications"]:
        if qid not in [e["id"] for e in held]:
            held.append(entries[qid])
    nationality = profile.get("nationality")
    foreign = C if nationality is None else (A if nationality == "foreign" else NA)
    out = {}
    for benefit in BENEFITS:
        per = []
        for entry in held:
            status, level = rule(benefit, entry, profile)
            if benefit != "verification.free":
                if benefit in FOREIGN:
                    status = min(status, foreign)
                status = min(status, scope(profile, zones), standing(entry, profile))
            per.append((entry["id"], status, level))
        best = max(s for _, s, _ in per)
        levels = [lv for _, s, lv in per if s == best and lv is not None]
        level = max(levels, key=RANK.get) if levels and benefit.startswith("title.") else None
        out[benefit] = (best, level, per)
    return out


def generate(rng, entries, zones):
    ids = list(entries)
    held = rng.sample(ids, rng.choice([1, 1, 2, 2, 3]))
    profile = {"qualifications": held}
    def maybe(key, values):
        value = rng.choice(values + [None])
        if value is not None:
            profile[key] = value
    maybe("nationality", ["foreign", "foreign", "hong_kong_macao", "taiwan", "mainland"])
    maybe("age", [30, 64, 65, 66, 68, 70, 71, 85])
    maybe("highTechIndustry", [True, False])
    maybe("relevantExperienceYears", [0, 1, 1.5, 2, 3, 10])
    maybe("workZone", zones + ["linked_unlisted", "outside"])
    maybe("meetsTitleCriteria", [True, False])
    maybe("examBasedSpecialty", [True, False])
    maybe("classA", [True, False])
    maybe("localPharmacistRegistration", [True, False])
    if rng.random() < 0.7:
        profile["workRelatedTo"] = [q for q in held if rng.random() < 0.6]
    return profile


data = tempfile.mkdtemp(prefix="credence-oracle-")
env = dict(os.environ, CREDENCE_DATA_DIR=data)
env.pop("DATABASE_URL", None)
server = subprocess.Popen([args.binary, "serve", "--port", str(args.port), "--log-level", "error"], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
failures = []
try:
    wait_up(base)
    entries = {e["id"]: e for e in get("/api/v1/entries")["entries"]}
    zones = [z["id"] for z in get("/api/v1/zones")["zones"]]
    kinds = {z["kind"] for z in get("/api/v1/zones")["zones"]}
    if "linked_innovation_zone" not in kinds:
        failures.append("the zones should include the linked innovation zones")
    rng = random.Random(args.seed)
    checked = 0
    for number in range(args.profiles):
        profile = generate(rng, entries, zones)
        status, answer = post("/api/v1/benefits", profile)
        if status != 200:
            failures.append(f"profile {number}: HTTP {status} {answer} for {profile}")
            continue
        expected = evaluate(profile, entries, zones)
        got = {b["id"]: b for b in answer["benefits"]}
        for benefit, (best, level, per) in expected.items():
            served = got[benefit]
            if served["status"] != NAME[best]:
                failures.append(f"profile {number} {benefit}: served {served['status']}, reading {NAME[best]}: {profile}")
            if benefit == "title.equivalence" and served["level"] != level:
                failures.append(f"profile {number} {benefit}: level {served['level']}, reading {level}: {profile}")
            mine = [(q, NAME[s]) for q, s, _ in per]
            theirs = [(q["entryId"], q["status"]) for q in served["byQualification"]]
            if mine != theirs:
                failures.append(f"profile {number} {benefit}: byQualification {theirs}, reading {mine}: {profile}")
        if not answer.get("notes"):
            failures.append(f"profile {number}: no notes")
        checked += 1
    # A qualification named in workRelatedTo but not held is refused, naming the field.
    status, answer = post("/api/v1/benefits", {"qualifications": ["cfa"], "workRelatedTo": ["cka"]})
    if status != 422 or answer.get("error", {}).get("field") != "workRelatedTo":
        failures.append(f"workRelatedTo naming a qualification not held: HTTP {status} {answer}")
    print(f"{checked} profiles compared with the independent reading of version 2")
finally:
    server.terminate()
    server.wait(timeout=10)

for failure in failures[:30]:
    print("FAIL " + failure)
if failures:
    sys.exit(f"benefits oracle: {len(failures)} disagreements")
print("benefits oracle: every profile agrees")
