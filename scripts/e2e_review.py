"""The result's later life in the browser (issue 33), run by e2e.py after a result in each
language: the employer opens a re-check (the form pre-filled and linked), asks for a review
(复核), a second officer changes the result, the employer sees the decision, and the old
code's public check says the result was superseded. Every page checked with axe."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def walk(e, language, request_url, verify_link):
    zh = language == "zh"
    path = request_url.replace(e.base, "")
    email = f"hr-{language}@e2e.example"
    e.browser.get(request_url)  # signed in as the employer
    e.click(e.browser.find_element(By.CSS_SELECTOR, "a[href^='/requests/new?from=']"))
    linked = e.browser.find_elements(By.CSS_SELECTOR, "input[name=previousRequestId]")
    e.expect(linked and linked[0].get_attribute("value") in request_url, f"{language}: the re-check form should link the earlier request")
    e.expect(e.browser.find_element(By.NAME, "holder.name").get_attribute("value") == "Jan Kowalski",
             f"{language}: the re-check form should be pre-filled")
    e.accessible(language, "recheck-form")
    e.shot(language, "11-recheck-form")

    e.browser.get(request_url)
    e.fill("reason", "The holder renewed the membership; the register shows it.")
    e.accessible(language, "review-asking")
    e.submit(path + "/review")
    status = e.browser.find_element(By.CSS_SELECTOR, "h1 .badge").text
    e.expect(status == ("复核中" if zh else "Under review"), f"{language}: the request should be under review, got {status!r}")
    e.accessible(language, "under-review")
    e.browser.execute_script("window.scrollTo(0, 0)")
    e.shot(language, "12-under-review")
    e.submit("/sign-out")

    e.sign_in_officer("reviewer@e2e.example")
    e.browser.get(request_url)
    Select(e.browser.find_element(By.NAME, "decision")).select_by_value("changed")
    Select(e.browser.find_element(By.ID, "outcome-review")).select_by_value("unable_to_verify")
    note = e.browser.find_element(By.ID, "note-review_decision")
    note.clear()
    note.send_keys("The register no longer lists the holder.")
    e.accessible(language, "review-deciding")
    e.browser.execute_script("document.getElementById('decision').scrollIntoView()")
    e.shot(language, "13-review-deciding")
    e.submit(path + "/review-decision")
    e.submit("/sign-out")

    e.sign_in(email)
    e.browser.get(request_url)
    review = e.browser.find_element(By.CSS_SELECTOR, "section.review").text
    e.expect(("变更结果" if zh else "Result changed") in review and ("无法核实" if zh else "Unable to verify") in review,
             f"{language}: the employer should see the changed result, got {review[:200]!r}")
    e.accessible(language, "reviewed")
    e.browser.execute_script("document.querySelector('section.review').scrollIntoView()")
    e.shot(language, "14-reviewed")
    e.browser.get(verify_link)
    e.expect(("复核后已由新结果取代" if zh else "Superseded by the result of a review") in e.browser.page_source,
             f"{language}: the old code's public check should say the result was superseded")
    e.accessible(language, "superseded-check")
    e.shot(language, "15-superseded-check")
