#!/usr/bin/env python3
"""Drives the web editor in headless Chromium, as a translator would.

Usage: editor_browser_test.py BASE_URL ARTIFACTS_DIR

BASE_URL is a running `tarjuman serve` whose database holds the sample as document 1
(12 units), the shipped news glossary, a memory pair close to the sample's last sentence
and a document named tags.txt whose text holds an HTML tag. Screenshots and the exported TMX are
written to ARTIFACTS_DIR. Prints one line per step; exits 1 on the first failure.
"""

import json
import os
import shutil
import sys
import time
import urllib.request
import xml.etree.ElementTree as ElementTree

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = sys.argv[1].rstrip("/")
ARTIFACTS = os.path.abspath(sys.argv[2])
DOWNLOADS = os.path.join(ARTIFACTS, "downloads")
MEMORY_TARGET = "A joint statement will be issued after the meeting between Fatah and Hamas."


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def step(message):
    print(f"ok: {message}", flush=True)


def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1000", "--lang=en-US", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium:
        options.binary_location = chromium
    options.add_experimental_option("prefs", {
        "download.default_directory": DOWNLOADS,
        "download.prompt_for_download": False,
        "safebrowsing.enabled": False,
    })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = shutil.which("chromedriver")
    service = Service(executable_path=driver_path) if driver_path else Service()
    driver = webdriver.Chrome(options=options, service=service)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": DOWNLOADS})
    return driver


def wait(driver, condition, message, timeout=10):
    try:
        return WebDriverWait(driver, timeout).until(lambda d: condition(d))
    except TimeoutException:
        raise Failure(f"timed out: {message}")


def open_page(driver, path):
    driver.get(BASE + path)
    state = wait(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"), f"{path} to load")
    check(state == "true", f"{path} failed to load: {driver.find_element(By.ID, 'app').text}")


def row(driver, unit):
    return driver.find_element(By.ID, f"u-{unit}")


def textarea(driver, unit):
    return row(driver, unit).find_element(By.CSS_SELECTOR, "textarea.en")


def active_unit(driver):
    return driver.execute_script("const s = document.activeElement.closest('section.unit'); return s && s.dataset.unit;")


def clear_of_headers(driver, unit):
    """Whether the unit's English input is on screen and not under the sticky headers."""
    return driver.execute_script("""
        const box = document.querySelector(`#u-${CSS.escape(arguments[0])} textarea.en`).getBoundingClientRect();
        const head = document.querySelector('.doc-head').getBoundingClientRect();
        return box.top >= head.bottom - 1 && box.bottom <= window.innerHeight;""", unit)


def note(driver, unit):
    return row(driver, unit).find_element(By.CSS_SELECTOR, ".note").text


def api(method, path, body=None, token=None):
    request = urllib.request.Request(BASE + path, method=method,
                                     data=None if body is None else json.dumps(body).encode("utf-8"))
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("X-Tarjuman-Token", token)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read().decode("utf-8"))


def text_of(driver, selector):
    return driver.execute_script("const n = document.querySelector(arguments[0]); return n ? n.innerText : '';", selector)


def screenshot(driver, name):
    path = os.path.join(ARTIFACTS, name)
    driver.save_screenshot(path)
    step(f"screenshot {path}")


def editor_layout(driver):
    open_page(driver, "/documents/1")
    cells = driver.find_elements(By.CSS_SELECTOR, "section.unit .ar")
    check(len(cells) == 12, f"expected 12 Arabic cells, found {len(cells)}")
    for cell in cells:
        check(cell.get_attribute("dir") == "rtl" and cell.get_attribute("lang") == "ar", "an Arabic cell is not dir=rtl lang=ar")
        check(cell.value_of_css_property("direction") == "rtl", "an Arabic cell is not laid out right to left")
    step("12 Arabic cells, dir=rtl lang=ar, laid out right to left")

    first, english = cells[0], textarea(driver, "1.1")
    check(first.location["x"] > english.location["x"], "the Arabic is not on the right of the English")
    check(english.value_of_css_property("direction") == "ltr", "the English input is not left to right")
    step("Arabic on the right, English input on the left")

    marks = driver.find_elements(By.CSS_SELECTOR, "section.unit .ar mark.term")
    texts = [mark.text for mark in marks]
    check(any("حماس" in text for text in texts), f"حماس is not highlighted: {texts}")
    check(any("القســـــام" in text for text in texts), "كتائب القســـــام (with tatweel) is not highlighted")
    hamas = next(mark for mark in marks if "حماس" in mark.text)
    check("Hamas" in (hamas.get_attribute("data-tip") or ""), "the highlighted term does not carry its rendering")
    check(hamas.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "transparent"),
          "the term has no highlight colour")
    driver.execute_script("arguments[0].focus()", hamas)
    tip = driver.execute_script("return getComputedStyle(arguments[0], '::after').content", hamas)
    check("Hamas" in (tip or ""), f"focusing the term does not show its rendering (got {tip!r})")
    step(f"{len(marks)} glossary terms highlighted; focus shows the rendering: {tip}")

    status = driver.find_element(By.ID, "doc-status").text
    check("12 units" in status, f"document status missing: {status!r}")
    step(f"document status: {status}")
    check(active_unit(driver) == "1.1", "the editor does not start on the first unrendered unit")


def type_and_save(driver):
    editor_layout(driver)
    text = "Hamas and Islamic Jihad affirmed on Monday evening that resistance is their strategic choice."
    box = textarea(driver, "1.1")
    box.click()
    box.send_keys(text)
    check("dirty" in row(driver, "1.1").get_attribute("class"), "an edited unit is not marked as changed")
    box.send_keys(Keys.ENTER)
    wait(driver, lambda d: note(d, "1.1") == "Saved.", "the save of unit 1.1")
    wait(driver, lambda d: active_unit(d) == "1.2", "Enter to move to the next unit")
    check(row(driver, "1.1").find_element(By.CSS_SELECTOR, ".badge").text == "draft", "the saved unit is not a draft")
    check("1 rendered" in driver.find_element(By.ID, "doc-status").text, "the document status did not count the save")
    check(clear_of_headers(driver, "1.2"), "the next unit's input is hidden under the headers")
    step("typed a rendering; Enter saved it as a draft and moved to unit 1.2, in view")

    findings = row(driver, "1.1").find_elements(By.CSS_SELECTOR, ".findings li")
    check(findings, "no QA findings shown after saving unit 1.1")
    isolated = row(driver, "1.1").find_elements(By.CSS_SELECTOR, ".findings bdi[dir=rtl]")
    check(isolated, "Arabic inside the findings is not isolated from the English around it")
    step(f"unit 1.1 shows {len(findings)} QA findings after saving, Arabic in them isolated")

    second = textarea(driver, "1.2")
    second.send_keys("This came in a joint statement by Hamas and Islamic Jihad.")
    second.send_keys(Keys.CONTROL, Keys.ENTER)
    wait(driver, lambda d: row(d, "1.2").find_element(By.CSS_SELECTOR, ".badge").text == "approved", "Ctrl+Enter to approve")
    step("Ctrl+Enter approved unit 1.2")

    second.send_keys(Keys.ALT, Keys.ARROW_UP)
    wait(driver, lambda d: active_unit(d) == "1.1", "Alt+Up to move back")
    check(clear_of_headers(driver, "1.1"), "unit 1.1's input is hidden under the headers")
    step("Alt+Up moved back to unit 1.1, in view")
    screenshot(driver, "editor.png")

    driver.refresh()
    wait(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true", "the reload")
    check(textarea(driver, "1.1").get_attribute("value") == text, "the rendering did not persist across a reload")
    check(row(driver, "1.2").find_element(By.CSS_SELECTOR, ".badge").text == "approved", "the approval did not persist")
    step("after a reload the rendering and the approval are there")

    box = textarea(driver, "1.1")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("Hamas and Islamic Jihad affirmed that resistance is their strategic choice.")
    row(driver, "1.1").find_element(By.CSS_SELECTOR, "button.save").click()
    wait(driver, lambda d: note(d, "1.1") == "Saved.", "the second save of unit 1.1")
    row(driver, "1.1").find_element(By.CSS_SELECTOR, "button.show-history").click()
    items = wait(driver, lambda d: [li.text for li in row(d, "1.1").find_elements(By.CSS_SELECTOR, ".history li")
                                    if li.text], "the history to show")
    check(len(items) == 2, f"the history should hold both renderings: {items}")
    check(text in items[1] and "strategic choice" in items[0], f"history order is wrong: {items}")
    step("History lists both renderings, newest first")
    return text


def narrow(driver):
    driver.set_window_size(900, 900)
    try:
        open_page(driver, "/documents/1")
        check(active_unit(driver) == "1.3", f"the editor starts on {active_unit(driver)}, not the first unit without a rendering")
        check(clear_of_headers(driver, "1.3"), "in a narrow window the focused input is hidden under the headers")
        textarea(driver, "1.3").send_keys(Keys.ALT, Keys.ARROW_DOWN)
        wait(driver, lambda d: active_unit(d) == "1.4", "Alt+Down to move on")
        check(clear_of_headers(driver, "1.4"), "in a narrow window the next input is hidden under the headers")
        screenshot(driver, "editor-narrow.png")
        step("in a 900-pixel window the focused unit stays clear of the sticky headers")
    finally:
        driver.set_window_size(1400, 1000)


def filtering(driver):
    open_page(driver, "/documents/1")
    Select(driver.find_element(By.ID, "unit-filter")).select_by_value("new")
    shown = [r.get_attribute("data-unit") for r in driver.find_elements(By.CSS_SELECTOR, "section.unit") if r.is_displayed()]
    check(shown and "1.1" not in shown and "1.2" not in shown, f"the filter still shows rendered units: {shown}")
    first = shown[0]
    textarea(driver, first).click()
    textarea(driver, first).send_keys(Keys.ALT, Keys.ARROW_DOWN)
    wait(driver, lambda d: active_unit(d) == shown[1], "Alt+Down to skip to the next shown unit")
    Select(driver.find_element(By.ID, "unit-filter")).select_by_value("draft")
    drafts = [r.get_attribute("data-unit") for r in driver.find_elements(By.CSS_SELECTOR, "section.unit") if r.is_displayed()]
    check("1.1" in drafts and "1.2" not in drafts, f"'not approved' shows {drafts}")
    Select(driver.find_element(By.ID, "unit-filter")).select_by_value("all")
    check(len([r for r in driver.find_elements(By.CSS_SELECTOR, "section.unit") if r.is_displayed()]) == 12, "'all units' does not show all")
    step(f"the filter shows the {len(shown)} units without a rendering, then the {len(drafts)} not approved, then all")


def suggestion(driver):
    open_page(driver, "/documents/1")
    box = textarea(driver, "1.12")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()
    buttons = wait(driver, lambda d: row(d, "1.12").find_elements(By.CSS_SELECTOR, "button.suggestion"), "memory suggestions")
    score = buttons[0].find_element(By.CSS_SELECTOR, ".score").text
    check(score.endswith("%") and 50 <= int(score[:-1]) < 100, f"the suggestion has no fuzzy score: {score!r}")
    differences = buttons[0].find_element(By.CSS_SELECTOR, ".differences").text
    check("فتح" in differences and "الجهاد" in differences, f"the suggestion does not show what differs: {differences!r}")
    screenshot(driver, "editor-suggestion.png")
    buttons[0].click()
    check(textarea(driver, "1.12").get_attribute("value") == MEMORY_TARGET, "clicking the suggestion did not insert it")
    step(f"a {score} memory suggestion was inserted by a click")
    textarea(driver, "1.12").send_keys(Keys.ENTER)
    wait(driver, lambda d: note(d, "1.12") == "Saved.", "the save of the inserted suggestion")
    step("the inserted suggestion was saved")


def conflict(driver):
    open_page(driver, "/documents/1")
    token = driver.find_element(By.CSS_SELECTOR, 'meta[name="tarjuman-token"]').get_attribute("content")
    api("PUT", "/api/units/1.3/rendering", {"text": "Someone else's rendering.", "translator": "Omar"}, token)
    box = textarea(driver, "1.3")
    box.click()
    box.send_keys("My rendering of the statement.")
    box.send_keys(Keys.ENTER)
    box_shown = wait(driver, lambda d: not row(d, "1.3").find_element(By.CSS_SELECTOR, ".conflict").get_attribute("hidden"),
                     "the conflict box")
    check(box_shown, "no conflict box")
    check("Someone else's rendering." in row(driver, "1.3").find_element(By.CSS_SELECTOR, ".conflict").text,
          "the conflict box does not show the other rendering")
    screenshot(driver, "editor-conflict.png")
    row(driver, "1.3").find_element(By.CSS_SELECTOR, "button.keep-mine").click()
    wait(driver, lambda d: note(d, "1.3") == "Saved.", "Keep mine to save over the other rendering")
    history = api("GET", "/api/units/1.3")["history"]
    check([item["text"] for item in history] == ["My rendering of the statement.", "Someone else's rendering."],
          f"the history does not keep both: {history}")
    step("a crossed save showed the other rendering; Keep mine saved over it and the history keeps both")


def escaping(driver):
    tagged = next(doc for doc in api("GET", "/api/documents") if doc["name"] == "tags.txt")
    open_page(driver, f"/documents/{tagged['id']}")
    check(not driver.find_elements(By.CSS_SELECTOR, "#app img"), "document text was parsed as HTML")
    check(driver.execute_script("return window.tarjumanXSS === undefined"), "document text ran as script")
    check("<img src=x" in driver.find_element(By.ID, "app").text, "the tag is not shown as text")
    step("an HTML tag in a document is shown as text, not run")


def export(driver):
    open_page(driver, "/documents/1")
    driver.find_element(By.ID, "export-tmx").click()

    def finished(_):
        names = [name for name in os.listdir(DOWNLOADS) if name.endswith(".tmx")]
        return names[0] if names and not any(n.endswith(".crdownload") for n in os.listdir(DOWNLOADS)) else None

    name = wait(driver, finished, "the TMX download", timeout=15)
    target = os.path.join(ARTIFACTS, "export.tmx")
    shutil.move(os.path.join(DOWNLOADS, name), target)
    tree = ElementTree.parse(target)
    units = tree.findall(".//tu")
    english = [seg.text for tuv in tree.findall(".//tuv") if tuv.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
               for seg in tuv.findall("seg")]
    check(tree.getroot().get("version") == "1.4", "the download is not TMX 1.4")
    check(MEMORY_TARGET in english, f"the exported TMX misses the saved suggestion: {english}")
    check(len(units) == 4, f"expected 4 rendered units in the TMX, found {len(units)}")
    step(f"Export TMX downloaded {name} with {len(units)} units")


def glossary(driver):
    open_page(driver, "/glossary")
    search = driver.find_element(By.ID, "glossary-search")
    search.send_keys("القسام")
    wait(driver, lambda d: "al-Qassam Brigades" in text_of(d, ".glossary tbody"), "the glossary search")
    step("glossary search finds كتائب القسام")

    form = driver.find_element(By.CSS_SELECTOR, "form.term-form")
    form.find_element(By.NAME, "arabic").send_keys("غرفة الأخبار")
    form.find_element(By.NAME, "english").send_keys("newsroom")
    form.find_element(By.NAME, "note").send_keys("added from the browser test")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver, lambda d: "newsroom" in text_of(d, ".glossary tbody"), "the new term in the list")
    step("added a term from the form")

    term_row = next(r for r in driver.find_elements(By.CSS_SELECTOR, ".glossary tbody tr") if "newsroom" in r.text)
    term_row.find_element(By.CSS_SELECTOR, "button.edit").click()
    edit = driver.find_element(By.CSS_SELECTOR, ".glossary form.term-form")
    english = edit.find_element(By.NAME, "english")
    english.clear()
    english.send_keys("news desk")
    edit.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver, lambda d: "news desk" in text_of(d, ".glossary tbody"), "the edited term in the list")
    step("edited the term")

    concordance = driver.find_element(By.ID, "concordance-term")
    concordance.send_keys("حماس")
    concordance.send_keys(Keys.ENTER)
    lines = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".concordance tr"), "concordance lines")
    text = driver.find_element(By.CSS_SELECTOR, ".concordance").text
    check("Hamas and Islamic Jihad affirmed" in text, "the concordance does not show how حماس was rendered")
    check(driver.find_elements(By.CSS_SELECTOR, ".concordance mark"), "the concordance does not mark the term")
    step(f"concordance for حماس: {len(lines)} lines with their renderings")
    screenshot(driver, "glossary.png")


def documents(driver):
    open_page(driver, "/")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.documents tbody tr")
    # The sample and the page with an HTML tag; the memory imported with them is no document.
    check(len(rows) == 2, f"expected 2 documents, found {len(rows)}")
    progress = rows[0].find_element(By.CSS_SELECTOR, ".progress").text
    check("4 rendered" in progress and "1 approved" in progress, f"progress is wrong: {progress!r}")
    step(f"documents list shows progress: {progress.strip()}")

    upload = os.path.join(ARTIFACTS, "uploaded.txt")
    with open(upload, "w", encoding="utf-8") as file:
        file.write("قال د. أحمد إن حماس وافقت على الاتفاق. وأضاف أن التهدئة صامدة؟\n\nوقالت الحركة إن الاجتماع انتهى.\n")
    driver.find_element(By.ID, "upload-file").send_keys(upload)
    driver.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()
    wait(driver, lambda d: "3 units imported as document 4" in text_of(d, ".message"), "the upload message")
    wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "table.documents tbody tr")) == 3, "the uploaded document in the list")
    step("uploaded an Arabic text from the documents page: 3 units")
    screenshot(driver, "documents.png")


def console_errors(driver):
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"
              and "409" not in entry["message"]]
    check(not errors, f"the browser console has errors: {errors}")
    step("no errors in the browser console")


def main():
    os.makedirs(DOWNLOADS, exist_ok=True)
    driver = browser()
    try:
        type_and_save(driver)
        narrow(driver)
        filtering(driver)
        suggestion(driver)
        conflict(driver)
        escaping(driver)
        export(driver)
        glossary(driver)
        documents(driver)
        console_errors(driver)
    except Exception as failure:
        try:
            screenshot(driver, "failure.png")
        finally:
            print(f"FAILED: {type(failure).__name__}: {str(failure).splitlines()[0] if str(failure) else ''}", flush=True)
        return 1
    finally:
        driver.quit()
    print("browser test passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
