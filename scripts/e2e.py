#!/usr/bin/env python3
"""End to end in a real browser (headless Chromium through Selenium), in both languages:
search and open an entry; run the benefits check; register an employer and submit a
verification with an attachment; process it as an officer signing in with TOTP; see the
result; check the public code. Screenshots of every step go to ci-artifacts/e2e/; axe-core
checks every page visited for serious or critical accessibility violations.

    python3 scripts/e2e.py [--binary .build/debug/credence]   (needs selenium, axe-selenium-python, openpyxl, chromedriver)
"""
import argparse, base64, datetime, io, json, re, hashlib, hmac, os, shutil, struct, subprocess, sys, tempfile, time, urllib.request

import openpyxl

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait
from axe_selenium_python import Axe

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_holder  # noqa: E402
import e2e_pack  # noqa: E402
import e2e_catalog_review  # noqa: E402
import e2e_review  # noqa: E402
from aiosmtpd.controller import Controller  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/debug/credence")
parser.add_argument("--port", type=int, default=18434)
parser.add_argument("--artifacts", default="ci-artifacts/e2e")
parser.add_argument("--smtp-port", type=int, default=18439)
args = parser.parse_args()
os.makedirs(args.artifacts, exist_ok=True)
base = f"http://127.0.0.1:{args.port}"
data = tempfile.mkdtemp(prefix="credence-e2e-")
# A real SMTP server: the holder's invitation is read from it (issue 31).
mailbox = e2e_holder.Mailbox()
smtp = Controller(mailbox, hostname="127.0.0.1", port=args.smtp_port)
smtp.start()
env = dict(os.environ, CREDENCE_DATA_DIR=data, CREDENCE_PUBLIC_URL=base, CREDENCE_SMTP_URL=f"smtp://127.0.0.1:{args.smtp_port}",
           CREDENCE_MAIL_FROM="noreply@e2e.example")
env.pop("DATABASE_URL", None)

server = subprocess.Popen([args.binary, "serve", "--port", str(args.port), "--log-level", "error"], env=env)
for _ in range(200):
    try:
        if urllib.request.urlopen(base + "/healthz").status == 200:
            break
    except OSError:
        time.sleep(0.1)

secrets = {}
for officer_email, officer_name, role in [("officer@e2e.example", "E2E Officer", ["officer"]), ("reviewer@e2e.example", "E2E Reviewer", ["officer"]),
                                         ("admin@e2e.example", "E2E Admin", ["admin"]),
                                         ("hrss@e2e.example", "HRSS Reviewer", ["reviewer", "--department", "hrss"]),
                                         ("ftz@e2e.example", "FTZ Reviewer", ["reviewer", "--department", "ftz"])]:
    created = subprocess.run([args.binary, "users", "create", "--role"] + role + ["--email", officer_email, "--name", officer_name],
                             input="an officer passphrase", capture_output=True, text=True, env=env, check=True).stdout
    secrets[officer_email] = next(line.split()[-1] for line in created.splitlines() if "secret:" in line)


def totp(secret, after=None):
    """The current code; `after` waits for a new step so a code is never reused."""
    while True:
        step = int(time.time()) // 30
        if step != after:
            break
        time.sleep(1)
    key = base64.b32decode(secret + "=" * ((8 - len(secret) % 8) % 8))
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 15
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000), step


options = webdriver.ChromeOptions()
for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600"]:
    options.add_argument(flag)
service = webdriver.ChromeService(executable_path=shutil.which("chromedriver")) if shutil.which("chromedriver") else None
browser = webdriver.Chrome(options=options, service=service)
problems = []
last_steps = {}


def shot(language, name):
    browser.save_screenshot(f"{args.artifacts}/{language}-{name}.png")


def phone(on):
    """A 420 px wide screen, emulated: headless Chromium keeps a window at least 500 px wide."""
    if on:
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 420, "height": 1600, "deviceScaleFactor": 1, "mobile": True})
    else:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def accessible(language, name, skip=()):
    # Every page checked is also read as a person reads it: no raw ISO instant as text.
    if re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", browser.find_element(By.TAG_NAME, "body").text):
        problems.append(f"{language} {name}: an ISO timestamp shown as text")
    axe = Axe(browser)
    axe.inject()
    # (the library writes options into a script as given: JSON text, not a dict)
    results = axe.run(options=json.dumps({"rules": {rule: {"enabled": False} for rule in skip}}) if skip else None)
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    for violation in bad:
        problems.append(f"{language} {name}: axe {violation['impact']} {violation['id']}: {violation['help']}")


def fill(name, value):
    field = browser.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def click(element):
    """Clicks and waits for the next page to replace this one."""
    page = browser.find_element(By.TAG_NAME, "html")
    element.click()

    def replaced(_):
        try:
            page.is_enabled()
            return False
        except WebDriverException:  # stale, or gone with its document
            return True
    WebDriverWait(browser, 15).until(replaced)


def submit(form_action):
    click(browser.find_element(By.CSS_SELECTOR, f"form[action^='{form_action}'] button[type=submit]"))


def expect(condition, message):
    if not condition:
        problems.append(message)


def sign_in(email, password="a long e2e passphrase"):
    browser.get(f"{base}/sign-in")
    fill("email", email)
    fill("password", password)
    submit("/sign-in")


def sign_in_officer(email="officer@e2e.example"):
    """An officer, with a fresh authenticator code (a code is never used twice)."""
    code, last_steps[email] = totp(secrets[email], after=last_steps.get(email))
    browser.get(f"{base}/sign-in")
    fill("email", email)
    fill("password", "an officer passphrase")
    fill("totp", code)
    submit("/sign-in")


def record_result(request_path, outcome="authentic"):
    """An officer records a result deliberately (issue 43): the outcome, the channel checked by
    and a reference chosen, the confirmation ticked — nothing is pre-selected."""
    selected = Select(browser.find_element(By.NAME, "outcome")).first_selected_option.get_attribute("value")
    expect(selected == "", f"no outcome should be pre-selected, got {selected!r}")
    Select(browser.find_element(By.NAME, "outcome")).select_by_value(outcome)
    Select(browser.find_element(By.NAME, "checkedBy")).select_by_value("online_register")
    fill("reference", "Issuer's register, entry checked " + datetime.date.today().isoformat())
    browser.find_element(By.NAME, "confirm").click()
    submit(request_path + "/complete")


def flow(language):
    browser.delete_all_cookies()
    browser.get(f"{base}/language/{language}?back=/")
    accessible(language, "home")
    shot(language, "01-home")
    browser.get(f"{base}/service-standards")
    expect(len(browser.find_elements(By.CSS_SELECTOR, "svg[role=img]")) == 1, f"{language}: the service standards should have their chart")
    accessible(language, "service-standards")
    shot(language, "01b-service-standards")
    # Every anonymous form once more at phone width (420 px).
    phone(True)
    for path in ["/register", "/sign-in", "/benefits", "/verify", "/catalog"]:
        browser.get(base + path)
        width = browser.execute_script("return window.innerWidth")
        expect(width == 420, f"{language}: the phone screen should be 420 px wide, got {width}")
        overflow = browser.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        expect(not overflow, f"{language}: {path} should fit 420 px without scrolling sideways")
        # The code field's autocomplete="one-time-code" is the HTML standard's token, which the
        # axe-core bundled with axe-selenium-python 2.1.6 calls "incorrectly formatted".
        accessible(language, "phone" + path.replace("/", "-"), skip=("autocomplete-valid",) if path == "/sign-in" else ())
        shot(language, "01c-phone" + path.replace("/", "-"))
    phone(False)
    browser.get(f"{base}/")
    fill("q", "CKA")
    submit("/catalog")
    accessible(language, "search")
    shot(language, "02-search")
    click(browser.find_element(By.CSS_SELECTOR, "a[href='/entries/cka']"))
    accessible(language, "entry")
    shot(language, "03-entry")
    click(browser.find_element(By.CSS_SELECTOR, "a[href='/benefits?qualification=cka']"))
    # Issue 43: questions that cannot change the answer yet are folded under "Other questions"; a
    # person answering everything at once opens it.
    for summary in browser.find_elements(By.CSS_SELECTOR, "form.benefits-form details > summary"):
        summary.click()
    Select(browser.find_element(By.NAME, "nationality")).select_by_value("foreign")
    fill("age", "68")
    Select(browser.find_element(By.NAME, "highTechIndustry")).select_by_value("true")
    fill("relevantExperienceYears", "3")
    zones = Select(browser.find_element(By.NAME, "workZone"))
    offered = [option.get_attribute("value") for option in zones.options]
    expect("binhai-hitech-linked" in offered and "linked_unlisted" in offered,
           f"{language}: the zone picker should offer the linked zones and one not listed, got {offered}")
    zones.select_by_value("tianjin-port-dongjiang")
    # Rules v2: whether the work is in the qualification's field, asked for each one held.
    Select(browser.find_element(By.NAME, "work-cka")).select_by_value("true")
    click(browser.find_element(By.CSS_SELECTOR, "button[name=check]"))
    age = browser.find_element(By.ID, "b-permit.age_limit").get_attribute("class")
    expect("status-applies" in age, f"{language}: permit.age_limit should apply, got {age}")
    practice = browser.find_element(By.ID, "b-practice.ftz").get_attribute("class")
    expect("status-conditional" in practice, f"{language}: practice.ftz is 按照相关规定 (conditional), got {practice}")
    expect(("予以退出" if language == "zh" else "may be withdrawn at a review") in browser.find_element(By.ID, "result").text,
           f"{language}: the answer should say entries can be withdrawn at the catalog's review")
    accessible(language, "benefits")
    shot(language, "04-benefits")
    # The benefit's clause link lands on the clause in the reader's language, the original beside it.
    clause_link = browser.find_element(By.XPATH, "//*[@id='b-permit.age_limit']/ancestor::section[1]//h3/a[starts-with(@href, '/notice#')]")
    click(clause_link)
    clause = browser.find_element(By.ID, "二-二")
    expect("65" in clause.text, f"{language}: the clause link should land on 二（二）")
    if language == "en":
        expect("Making work permits easier" in clause.text and "提供工作许可便利" in clause.text,
               "en: the clause should be in English with the Chinese beside it")
        expect("not official" in clause.text, "en: the clause should say the translation is not official")
    else:
        expect(len(browser.find_elements(By.CSS_SELECTOR, "main a[href='/language/en?back=%2Fnotice']")) == 1,
               "zh: the notice should link to its English translation")
    accessible(language, "notice")
    shot(language, "04b-notice-clause")

    email = f"hr-{language}@e2e.example"
    browser.get(f"{base}/register")
    for name, value in [("organizationName", f"E2E {language} Ltd"), ("unifiedSocialCreditCode", "9144030071526726XG"),
                        ("contactName", "HR"), ("email", email), ("phone", "022 1234 5678"),
                        ("password", "a long e2e passphrase"), ("passwordConfirmation", "a long e2e passphrase")]:
        fill(name, value)
    accessible(language, "register")
    submit("/register")
    expect(browser.current_url.endswith("/requests"), f"{language}: registration should land on /requests, got {browser.current_url}")
    browser.get(f"{base}/requests/new?entry=cka")
    fill("holder.name", "Jan Kowalski")
    nationality = Select(browser.find_element(By.NAME, "holder.nationality"))
    labels = [option.text for option in nationality.options]
    expect(("英国 (GB)" if language == "zh" else "United Kingdom (GB)") in labels, f"{language}: GB should be named in the page's language")
    expect(("中国香港 (HK)" if language == "zh" else "Hong Kong, China (HK)") in labels, f"{language}: HK named as the notice names it")
    nationality.select_by_value("PL")
    expect(browser.find_element(By.NAME, "issuedOn").get_attribute("type") == "date", f"{language}: dates are date fields")
    fill("certificateNumber", "LF-E2E-1")
    pdf = os.path.join(data, "certificate.pdf")
    with open(pdf, "wb") as handle:
        handle.write(b"%PDF-1.4\n% a certificate for the end-to-end run\n")
    browser.find_element(By.NAME, "file").send_keys(pdf)
    browser.find_element(By.NAME, "holderConsent").click()
    accessible(language, "new-request")
    shot(language, "05-new-request")
    submit("/requests")
    request_url = browser.current_url
    expect("/requests/" in request_url, f"{language}: the request page should open, got {request_url}")
    expect("certificate.pdf" in browser.page_source, f"{language}: the attachment should be listed")
    accessible(language, "request")
    shot(language, "06-submitted")
    expect(not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", browser.find_element(By.TAG_NAME, "body").text),
           f"{language}: no raw ISO timestamp as text on the request page")
    expect(browser.find_elements(By.CSS_SELECTOR, "ol.timeline li[aria-current=step]"), f"{language}: the timeline marks the current step")
    phone(True)
    accessible(language, "request-phone")
    shot(language, "06c-request-phone")
    browser.get(f"{base}/requests/new")
    shot(language, "06d-new-request-phone")
    phone(False)
    browser.get(request_url)

    # Finding it again: the search form on /requests; recent changes name the holder.
    browser.get(f"{base}/requests")
    expect("Jan Kowalski" in browser.find_element(By.CSS_SELECTOR, "ul.changes").text, f"{language}: recent changes should name the holder")
    fill("q", "kowal")
    click(browser.find_element(By.CSS_SELECTOR, "form[role=search] button[type=submit]"))
    expect("q=kowal" in browser.current_url and "Jan Kowalski" in browser.page_source, f"{language}: the search should find the request")
    accessible(language, "requests-search")
    shot(language, "06e-requests-search")

    # Many holders at once: the template's headers, two rows, uploaded from /requests/new;
    # the batch page counts them; its export opens in a spreadsheet (BOM) with both rows.
    batch_file = os.path.join(data, f"batch-{language}.csv")
    with urllib.request.urlopen(f"{base}/api/v1/verification-batches/template?lang={language}") as response:
        header = response.read().decode("utf-8-sig").splitlines()[0]
    with open(batch_file, "w", encoding="utf-8-sig") as handle:
        handle.write(header + "\r\n" + f"cfa,Ana Souza,BR,,,B-{language}-1,,,,yes\r\n" + f"cka,Li Wei,SG,,,B-{language}-2,,,,是\r\n")
    browser.get(f"{base}/requests/new")
    browser.find_element(By.ID, "f-batch").send_keys(batch_file)
    submit("/requests/batch")
    expect("/batches/" in browser.current_url, f"{language}: the upload should land on the batch page, got {browser.current_url}")
    expect("Li Wei" in browser.page_source and "Ana Souza" in browser.page_source, f"{language}: the batch page should list both holders")
    accessible(language, "batch")
    shot(language, "06b-batch")
    export_link = browser.find_element(By.CSS_SELECTOR, "a[href*='/export']").get_attribute("href")
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(export_link, headers={"Cookie": cookies})) as response:
        exported = response.read()
    expect(exported.startswith(b"\xef\xbb\xbf") and exported.count(b"\r\n") == 3, f"{language}: the export should have a BOM, a header and two rows")

    # The .xlsx template as HR would use it (issue 36): opened and filled by openpyxl, a
    # spreadsheet library that is not Credence's, dates typed as dates; uploaded through the page.
    with urllib.request.urlopen(f"{base}/api/v1/verification-batches/template?lang={language}&format=xlsx") as response:
        workbook = openpyxl.load_workbook(io.BytesIO(response.read()))
    holders, codes = workbook.worksheets[0], workbook.worksheets[1]
    expect(holders.cell(1, 1).value == header.split(",")[0].strip('"'), f"{language}: the workbook's headers should be the template's")
    expect(codes.max_row > 240 and codes.cell(2, 1).value and len(codes.cell(2, 1).value) == 2,
           f"{language}: the second sheet should list the nationality codes, got {codes.max_row} rows")
    expect(any("C2" in str(v.sqref) for v in holders.data_validations.dataValidation), f"{language}: nationality should offer the code list")
    holders.delete_rows(2)
    holders.append(["cfa", "Maria Rossi", "IT", datetime.date(1988, 5, 6), "", f"X-{language}-1", datetime.date(2019, 3, 4), None, None,
                    "是" if language == "zh" else "yes"])
    holders.append(["ckad", "Kenji Sato", "JP", None, "", f"X-{language}-2", None, None, None, "yes"])
    xlsx_file = os.path.join(data, f"batch-{language}.xlsx")
    workbook.save(xlsx_file)
    browser.get(f"{base}/requests/new")
    browser.find_element(By.ID, "f-batch").send_keys(xlsx_file)
    submit("/requests/batch")
    expect("/batches/" in browser.current_url, f"{language}: the .xlsx upload should land on the batch page, got {browser.current_url}")
    expect("Maria Rossi" in browser.page_source and "Kenji Sato" in browser.page_source, f"{language}: the batch page should list the workbook's holders")
    shot(language, "06f-batch-xlsx")
    browser.find_element(By.XPATH, "//main//tr[contains(., 'Maria Rossi')]//a[contains(@href, '/requests/')]").click()
    details = browser.find_element(By.TAG_NAME, "main").text
    expect("1988-05-06" in details and "2019-03-04" in details, f"{language}: Excel dates should be read as dates on the request's page")
    # A file that is not a spreadsheet: refused on the page, naming what is accepted.
    pdf_file = os.path.join(data, "scan.pdf")
    with open(pdf_file, "wb") as handle:
        handle.write(b"%PDF-1.4\n%scan of a list\n")
    browser.get(f"{base}/requests/new")
    browser.find_element(By.ID, "f-batch").send_keys(pdf_file)
    submit("/requests/batch")
    refusal = browser.find_element(By.CSS_SELECTOR, "#batch .error-summary").text
    expect(".xlsx" in refusal and "GB18030" in refusal, f"{language}: a PDF should be refused naming what is accepted, got {refusal!r}")
    accessible(language, "batch-refused")
    shot(language, "06g-batch-refused")
    submit("/sign-out")

    sign_in_officer()
    expect(browser.current_url.endswith("/queue"), f"{language}: the officer should land on the queue, got {browser.current_url}")
    accessible(language, "queue")
    expect(("证据（2）" if language == "zh" else "Evidence (2)") in browser.find_element(By.CSS_SELECTOR, "main table").text,
           f"{language}: the queue should offer the channel's evidence")
    shot(language, "07-queue")
    # 一次性告知: everything missing at once; the employer answers item by item.
    browser.get(request_url)
    path = request_url.replace(base, "")
    browser.find_element(By.CSS_SELECTOR, "input[name=item-certificate_scan]").click()
    fill("item-note-certificate_scan", "Both sides, please")
    browser.find_element(By.CSS_SELECTOR, "input[name=item-other]").click()
    fill("item-note-other", "The employment contract's first page")
    accessible(language, "request-officer")
    channel = browser.find_element(By.CSS_SELECTOR, "section.channel")
    # CKA: the Linux Foundation's page, seen only in third-party files (the registry's data).
    expect("https://training.linuxfoundation.org/certification/verify/" in channel.text, f"{language}: the channel's address")
    expect(("仅见于第三方文件，未在机构官网确认" if language == "zh" else "Seen only in third-party files, not confirmed on the body's site")
           in channel.text, f"{language}: the channel's confidence in the page's language")
    cited = next(len(body["evidence"]) for body in json.load(open("Sources/CredenceCore/Resources/issuing-body-channels.json", encoding="utf-8"))["bodies"]
                 if body["id"] == "cncf")
    expect(len(channel.find_elements(By.CSS_SELECTOR, "ol.evidence li blockquote")) == cited, f"{language}: every evidence entry with its quote ({cited})")
    expect(("计划默认值" if language == "zh" else "planning default") in channel.text, f"{language}: the working days labelled a default")
    browser.execute_script("arguments[0].scrollIntoView()", channel)
    shot(language, "07a-channel")
    browser.execute_script("window.scrollTo(0, 0)")
    shot(language, "07b-asking")
    submit(path + "/request-info")
    submit("/sign-out")
    sign_in(email)
    browser.get(request_url)
    expect("The employment contract's first page" in browser.page_source, f"{language}: the employer should see the checklist")
    fill("answer-1", "The scan is the attached PDF")
    Select(browser.find_element(By.NAME, "answer-file-1")).select_by_visible_text("certificate.pdf")
    fill("answer-2", "Sent by post on Monday")
    accessible(language, "answering")
    shot(language, "07c-answering")
    submit(path + "/resubmit")
    expect("Sent by post on Monday" in browser.page_source, f"{language}: the answers should show on the request")
    submit("/sign-out")
    sign_in_officer()
    browser.get(request_url)
    submit(request_url.replace(base, "") + "/accept")
    record_result(request_url.replace(base, ""))
    shot(language, "08-completed-by-officer")
    submit("/sign-out")

    sign_in(email)
    browser.get(request_url)
    page = browser.page_source
    expect("核查结果仅对证书的真实性进行确认" in page, f"{language}: the disclaimer should show in Chinese")
    accessible(language, "result")
    shot(language, "09-result")

    # The printable result: its QR code, decoded by a real decoder (zbarimg) from what
    # Chromium draws, opens this result's public check.
    verify_link = browser.find_element(By.CSS_SELECTOR, ".result a[href^='/verify/']").get_attribute("href")
    browser.get(request_url + "/certificate")
    accessible(language, "certificate")
    shot(language, "09b-certificate")
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", f"{args.artifacts}/{language}-09b-certificate.png"],
                             capture_output=True, text=True).stdout.strip()
    expect(decoded == verify_link, f"{language}: the QR code should decode to {verify_link}, got {decoded!r}")

    # The credential file, as the employer hands it on, uploaded to the public check.
    browser.get(request_url)
    # (Chromium saves downloads where it likes; the same request with the session's cookie
    # fetches the file the link gives.)
    link = browser.find_element(By.CSS_SELECTOR, "a[href$='/credential']").get_attribute("href")
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(link, headers={"Cookie": cookies})) as response:
        credential_bytes = response.read()
    credential_file = os.path.join(data, f"credential-{language}.json")
    with open(credential_file, "wb") as handle:
        handle.write(credential_bytes)
    browser.get(f"{base}/verify")
    browser.find_element(By.NAME, "file").send_keys(credential_file)
    submit("/verify/credential")
    verdict = browser.find_element(By.ID, "verdict").text
    expect(("凭证有效" in verdict) or ("The credential is valid" in verdict), f"{language}: the uploaded credential should be valid: {verdict[:200]}")
    accessible(language, "credential-check")
    shot(language, "09c-credential-check")
    browser.get(request_url)
    click(browser.find_element(By.CSS_SELECTOR, "a[href^='/verify/']"))
    expect("J** K*******" in browser.page_source and "Kowalski" not in browser.page_source,
           f"{language}: the public check should mask the name")
    accessible(language, "public-check")
    shot(language, "10-public-check")
    e2e_pack.walk(sys.modules[__name__], language, verify_link)
    e2e_review.walk(sys.modules[__name__], language, request_url, verify_link)
    e2e_holder.walk(sys.modules[__name__], mailbox, language)


try:
    for language in ["zh", "en"]:
        flow(language)
    e2e_catalog_review.walk(sys.modules[__name__])
finally:
    browser.quit()
    server.terminate()
    server.wait()
    smtp.stop()

print(f"screenshots in {args.artifacts}/")
for problem in problems:
    print("PROBLEM:", problem)
print("end to end:", "passed" if not problems else f"{len(problems)} problems")
sys.exit(1 if problems else 0)
