"""The holder's journey in the browser (issue 31), run by e2e.py in each language: the
employer asks with the holder's address; the invitation is read from a real SMTP server
(aiosmtpd); the holder follows the link (desktop and 420 px), gives both consents; the
officer then accepts. Every page checked with axe."""
import email
import email.policy
import threading
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


class Mailbox:
    """What the SMTP server received, for the run to read."""
    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted"

    def link_for(self, address, base, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self.lock:
                for recipients, content in self.messages:
                    if address in recipients:
                        text = email.message_from_bytes(content, policy=email.policy.default).get_body(preferencelist=("plain",)).get_content()
                        return next((word for word in text.split() if word.startswith(f"{base}/holder/")), None), text
            time.sleep(0.5)
        return None, ""


def walk(e, mailbox, language):
    zh = language == "zh"
    holder_address = f"holder-{language}@person.example"
    e.browser.get(f"{e.base}/requests/new?entry=cfa")  # signed in as the employer
    e.fill("holder.name", "Maria Holder")
    Select(e.browser.find_element(By.NAME, "holder.nationality")).select_by_value("IT")
    e.fill("holder.passportNumber", "YA7654321")
    e.fill("certificateNumber", f"CFA-HOLDER-{language}")
    e.fill("holder.email", holder_address)
    e.browser.find_element(By.NAME, "holderConsent").click()
    e.submit("/requests")
    request_url = e.browser.current_url
    basis = e.browser.find_element(By.TAG_NAME, "main").text
    e.expect(("待持证人同意" if zh else "waiting for the holder") in basis, f"{language}: the request should wait for the holder's consent")
    e.submit("/sign-out")

    link, text = mailbox.link_for(holder_address, e.base)
    e.expect(link is not None, f"{language}: the invitation should reach the holder's mailbox with a link")
    e.expect("YA7654321" not in text, f"{language}: the invitation should not carry the passport number")
    if not link:
        return
    e.browser.get(link)
    page = e.browser.find_element(By.TAG_NAME, "main").text
    e.expect("YA*****21" in page and "YA7654321" not in page, f"{language}: the holder's page shows the passport masked")
    e.expect(("将联系的境外发证机构" if zh else "The issuing body abroad") in page, f"{language}: the page names the body abroad")
    e.accessible(language, "holder")
    e.shot(language, "16-holder")
    e.phone(True)
    e.browser.get(link)
    overflow = e.browser.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
    e.expect(not overflow, f"{language}: the holder's page should fit 420 px")
    e.accessible(language, "holder-phone")
    e.shot(language, "16b-holder-phone")
    e.phone(False)
    e.browser.get(link)
    for name in ["processing", "transferAbroad"]:
        e.browser.find_element(By.NAME, name).click()
    e.submit(link.replace(e.base, "") + "/consent")
    done = e.browser.find_element(By.TAG_NAME, "main").text
    e.expect(("您已同意" if zh else "You consented") in done, f"{language}: the page should say the holder consented")
    e.accessible(language, "holder-consented")
    e.shot(language, "17-holder-consented")

    e.sign_in_officer()
    e.browser.get(request_url)
    e.submit(request_url.replace(e.base, "") + "/accept")
    status = e.browser.find_element(By.CSS_SELECTOR, "h1 .badge").text
    e.expect(status == ("已受理，核验中" if zh else "Accepted, being checked"), f"{language}: the officer accepts after both consents, got {status!r}")
    e.shot(language, "18-accepted-after-consent")
    e.record_result(request_url.replace(e.base, ""))
    e.submit("/sign-out")

    # After the result: the holder switches the public check off; the code then says so.
    e.browser.get(link)
    code = e.browser.find_element(By.CSS_SELECTOR, "section.result code").text
    e.browser.find_element(By.NAME, "active").click()
    e.submit(link.replace(e.base, "") + "/public-check")
    e.expect(("已关闭或已到期" if zh else "is off or has ended") in e.browser.find_element(By.TAG_NAME, "main").text,
             f"{language}: the holder's page should say the public check is off")
    e.accessible(language, "holder-result")
    e.browser.execute_script("document.querySelector('section.result').scrollIntoView()")
    e.shot(language, "19-holder-result")
    e.browser.get(f"{e.base}/verify/{code}")
    e.expect(("该查验码已不再有效" if zh else "no longer active") in e.browser.page_source, f"{language}: a switched-off code says so")
    e.accessible(language, "code-inactive")
    e.shot(language, "20-code-inactive")
