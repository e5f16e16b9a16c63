"""Section 四 as a process (issue 34), run by e2e.py once both languages' flows are done:
an administrator starts a draft and submits it for sign-off; publishing is refused while
the departments that must approve have not; the reviewers of 市人社局 (in Chinese) and of
the FTZ's committee (in English) sign in with their authenticator codes and approve; the
administrator publishes and the catalog shows the departments' approval; a visitor
proposes a qualification; the administrator reads the demand and an entry's dossier.
Every page checked with axe, in the language it is read in."""
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By


def as_staff(e, email, language):
    e.browser.delete_all_cookies()
    e.browser.get(f"{e.base}/language/{language}?back=/")
    e.sign_in_officer(email)


def walk(e):
    as_staff(e, "admin@e2e.example", "en")
    e.browser.get(f"{e.base}/admin/editions")
    e.fill("id", "tianjin-2027")
    e.fill("title.zh", "天津市境外职业资格认可目录（2027年版）")
    e.fill("title.en", "Tianjin Catalog (2027 edition)")
    e.submit("/admin/editions")
    e.expect("/admin/editions/tianjin-2027" in e.browser.current_url, f"the draft should open, got {e.browser.current_url}")
    e.submit("/admin/editions/tianjin-2027/sign-off-request")
    e.fill("noticeRef", "津人社规〔2027〕1号")
    e.submit("/admin/editions/tianjin-2027/publish")
    refused = e.browser.find_element(By.TAG_NAME, "main").text
    e.expect("Waiting for the approval of" in refused and "Pilot Free Trade Zone" in refused,
             f"publishing should wait for the required departments: {refused[:300]!r}")
    e.accessible("en", "sign-off-pending")
    e.browser.execute_script("window.scrollTo(0, 0)")
    e.shot("en", "13-sign-off-pending")

    for email, language in [("hrss@e2e.example", "zh"), ("ftz@e2e.example", "en")]:
        as_staff(e, email, language)
        e.browser.get(f"{e.base}/admin/editions/tianjin-2027")
        e.expect(len(e.browser.find_elements(By.CSS_SELECTOR, "form[action$='/entries']")) == 0,
                 f"{language}: a reviewer reads the draft but cannot change it")
        e.accessible(language, "sign-off-reviewer")
        e.click(e.browser.find_element(By.CSS_SELECTOR, "form[action$='/approvals'] button[value=approve]"))
        answer = e.browser.find_element(By.ID, "sign-off").text
        e.expect(("同意" if language == "zh" else "Approved") in answer, f"{language}: the approval should show: {answer[:300]!r}")
        e.browser.execute_script("document.getElementById('sign-off').scrollIntoView()")
        e.shot(language, "14-sign-off-approved")
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in e.browser.get_cookies())
        for path in ["/queue", "/requests"]:
            try:
                status = urllib.request.urlopen(urllib.request.Request(e.base + path, headers={"Cookie": cookies})).status
            except urllib.error.HTTPError as error:
                status = error.code
            e.expect(status == 403, f"{language}: a reviewer sees nothing of the requests: {path} answered {status}")

    as_staff(e, "admin@e2e.example", "zh")
    e.browser.get(f"{e.base}/admin/editions/tianjin-2027")
    e.fill("noticeRef", "津人社规〔2027〕1号")
    e.submit("/admin/editions/tianjin-2027/publish")
    e.browser.get(f"{e.base}/catalog")
    record = e.browser.find_element(By.ID, "sign-off-record").text
    e.expect("市人社局" in record and "自贸试验区管委会" in record, f"zh: the catalog should show the approval: {record!r}")
    e.expect("津人社规〔2027〕1号" in e.browser.page_source, "zh: the catalog should show its document number")
    e.accessible("zh", "catalog-signed-off")
    e.shot("zh", "15-catalog-signed-off")

    for language in ["zh", "en"]:
        e.browser.delete_all_cookies()
        e.browser.get(f"{e.base}/language/{language}?back=/proposals/new")
        e.fill("name", f"Chartered Surveyor ({language})")
        e.fill("issuer", "Royal Institution of Chartered Surveyors")
        e.fill("region", "United Kingdom")
        e.fill("field", "surveying")
        e.fill("why", "Engineering firms in the Binhai New Area employ chartered surveyors.")
        e.submit("/proposals")
        done = e.browser.find_element(By.TAG_NAME, "main").text
        e.expect(("已收到您的建议" if language == "zh" else "your proposal has been received") in done, f"{language}: the proposal should be received")
        e.accessible(language, "proposal")
        e.shot(language, "16-proposal")

    as_staff(e, "admin@e2e.example", "en")
    e.browser.get(f"{e.base}/admin/demand")
    e.expect(e.browser.page_source.count("Chartered Surveyor (") == 2, "en: the demand page should list both proposals")
    e.accessible("en", "demand")
    e.shot("en", "17-demand")
    e.browser.get(f"{e.base}/admin/entries/cka/review")
    e.expect(len(e.browser.find_elements(By.CSS_SELECTOR, "svg[role=img]")) == 1, "en: the dossier should have its chart")
    e.fill("text", "The CNCF lists 1,000 new CKA holders in China this year.")
    e.submit("/admin/entries/cka/review/notes")
    e.expect("1,000 new CKA holders" in e.browser.page_source, "en: the note should be on the dossier")
    e.accessible("en", "dossier")
    e.shot("en", "18-dossier")
