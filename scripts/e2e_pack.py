"""Where to apply, and the pack to take there (issue 32), run by e2e.py in each language
while the result's code is active: a visitor answers the benefits form, opens "Where to
apply", prints the pack with the verification code through Chromium's own print to PDF;
pdftoppm turns the PDF into images and zbarimg (ISO/IEC 18004) must read the /verify/{code}
address from them. Every page checked with axe."""
import base64
import glob
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def walk(e, language, verify_link):
    zh = language == "zh"
    code = verify_link.rsplit("/", 1)[-1]
    e.browser.get(f"{e.base}/benefits?qualification=cka")
    Select(e.browser.find_element(By.NAME, "nationality")).select_by_value("foreign")
    e.fill("age", "40")
    e.click(e.browser.find_element(By.CSS_SELECTOR, "button[name=check]"))
    permit = e.browser.find_element(By.ID, "b-permit.class_a_five_year")
    where = permit.find_element(By.CSS_SELECTOR, "details.where-to-apply")
    where.find_element(By.TAG_NAME, "summary").click()  # opens in place: no page to wait for
    text = where.text
    e.expect(("去哪里办理" if zh else "Where to apply") in text and "https://fuwu.most.gov.cn/lhgzweb" in text,
             f"{language}: the work permit's route should name its service and address: {text[:300]!r}")
    e.expect(("来自主管部门自己的网页" if zh else "From the office's own page") in text,
             f"{language}: the route should say how far it can be trusted")
    haihe = e.browser.find_element(By.ID, "b-support.haihe_card").find_element(By.CSS_SELECTOR, "details.where-to-apply")
    haihe.find_element(By.TAG_NAME, "summary").click()
    e.expect(("请向该部门咨询" if zh else "ask the office") in haihe.text, f"{language}: a route with no address should say to ask the office")
    e.accessible(language, "where-to-apply")
    e.browser.execute_script("arguments[0].scrollIntoView()", where)
    e.shot(language, "04c-where-to-apply")

    e.fill("code", code)
    e.submit("/benefits/pack")
    page = e.browser.page_source
    e.expect(("政策办理材料清单" if zh else "Benefits pack") in page and "pack-entry" in page and ("第" if zh else "Item ") in page,
             f"{language}: the pack should hold the qualification as the catalog prints it")
    e.expect(code in page and "<svg" in page, f"{language}: the pack should carry the active result's QR code")
    e.expect("Kowalski" not in page, f"{language}: the pack should show no more than the masked name")
    e.expect(("Credence's translation" in page) != zh, f"{language}: quotations in the reader's language, the Chinese original kept")
    e.accessible(language, "pack")
    e.shot(language, "04d-pack")

    # Chromium's print to PDF (A4, as the page's print CSS asks), then a real QR decoder.
    printed = e.browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    pdf = f"{e.args.artifacts}/{language}-pack.pdf"
    with open(pdf, "wb") as handle:
        handle.write(base64.b64decode(printed["data"]))
    prefix = f"{e.args.artifacts}/{language}-pack-page"
    subprocess.run(["pdftoppm", "-r", "150", "-png", pdf, prefix], check=True)
    decoded = set()
    for image in sorted(glob.glob(prefix + "*.png")):
        out = subprocess.run(["zbarimg", "--quiet", "--raw", image], capture_output=True, text=True).stdout
        decoded.update(line.strip() for line in out.splitlines() if line.strip())
    e.expect(decoded == {verify_link}, f"{language}: the printed pack's QR code should decode to {verify_link}, got {decoded!r}")
