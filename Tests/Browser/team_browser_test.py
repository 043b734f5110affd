#!/usr/bin/env python3
"""Drives the web editor in team mode in headless Chromium: a translator logs in through the
login page, marks a unit translated, a reviewer (over the API) rejects it with a comment, and
the translator's open page shows the rejection without a reload; then the translator logs out.

Usage: team_browser_test.py BASE_URL ARTIFACTS_DIR

BASE_URL is a running `tarjuman serve` on the editor fixture with the accounts Ali (translator,
password ali-password) and Rev (reviewer, rev-password). Prints one line per step; exits 1 on
the first failure.
"""

import json
import os
import sys
import urllib.request

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import editor_browser_test as common  # noqa: E402

BASE = sys.argv[1].rstrip("/")
ARTIFACTS = os.path.abspath(sys.argv[2])
check, step, wait, Failure = common.check, common.step, common.wait, common.Failure


def login_over_api(name, password):
    """Logs in as another member would from their own browser; returns (cookie, token)."""
    request = urllib.request.Request(BASE + "/api/login", method="POST",
                                     data=json.dumps({"name": name, "password": password}).encode("utf-8"))
    request.add_header("Content-Type", "application/json")
    request.add_header("Origin", BASE)
    with urllib.request.urlopen(request) as response:
        cookie = response.headers["Set-Cookie"].split(";")[0]
        return cookie, json.loads(response.read().decode("utf-8"))["token"]


def call(method, path, session, body=None):
    cookie, token = session
    request = urllib.request.Request(BASE + path, method=method,
                                     data=None if body is None else json.dumps(body).encode("utf-8"))
    request.add_header("Content-Type", "application/json")
    request.add_header("Cookie", cookie)
    request.add_header("X-Tarjuman-Token", token)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read().decode("utf-8"))


def showing(driver, page):
    """Whether the browser shows `page`, loaded; false while it is between pages."""
    try:
        return driver.execute_script(
            "return !!document.body && document.body.dataset.page === arguments[0] && document.body.dataset.ready === 'true';", page)
    except Exception:  # the page is being replaced
        return False


def main():
    os.makedirs(ARTIFACTS, exist_ok=True)
    common.BASE = BASE
    driver = common.browser()
    try:
        driver.get(BASE + "/documents/1")
        wait(driver, lambda d: d.find_elements(By.ID, "login-name"), "the login page instead of the editor")
        check("/login" in driver.current_url, f"not sent to the login page: {driver.current_url}")
        driver.find_element(By.ID, "login-name").send_keys("Ali")
        driver.find_element(By.ID, "login-password").send_keys("wrong password")
        driver.find_element(By.ID, "login-submit").click()
        wait(driver, lambda d: "wrong name or password" in d.find_element(By.CSS_SELECTOR, "form.login .message").text,
             "the wrong password to be refused on the page")
        step("a wrong password is refused on the login page")
        driver.find_element(By.ID, "login-password").send_keys("ali-password")
        driver.find_element(By.ID, "login-submit").click()
        wait(driver, lambda d: showing(d, "editor"), "the editor after logging in")
        header = driver.find_element(By.CSS_SELECTOR, "header .who").text
        check("Ali" in header and "translator" in header, f"the header does not show who is logged in: {header}")
        check(not driver.find_elements(By.ID, "translator"), "team mode still asks for a typed name")
        check(not driver.find_elements(By.CSS_SELECTOR, "#u-1\\.2 button.approve"), "a translator is offered Approve")
        step("logged in as Ali, back on the editor; no typed name, no Approve button")

        english = common.textarea(driver, "1.2")
        english.send_keys("This came in a statement.")
        common.row(driver, "1.2").find_element(By.CSS_SELECTOR, "button.mark-translated").click()
        wait(driver, lambda d: common.note(d, "1.2") == "Saved.", "the unit to be saved")
        badge = common.row(driver, "1.2").find_element(By.CSS_SELECTOR, ".badge").text
        check(badge.startswith("translated"), f"the badge says {badge}")
        step("marked translated")

        reviewer = login_over_api("Rev", "rev-password")
        detail = call("GET", "/api/units/1.2", reviewer)
        check(detail["current"]["translator"] == "Ali", f"the rendering is credited to {detail['current']['translator']}")
        call("POST", "/api/units/1.2/review", reviewer,
             {"verdict": "reject", "base": detail["current"]["id"], "comment": "Name both movements."})
        wait(driver, lambda d: "Rejected by Rev: Name both movements." in common.row(d, "1.2").text,
             "the rejection to show on the open page", timeout=15)
        notices = driver.find_element(By.ID, "notices").text
        check("Rev rejected unit 1.2" in notices, f"no notice of the rejection: {notices}")
        step("the reviewer's rejection shows on the translator's open page within seconds, without a reload")
        driver.save_screenshot(os.path.join(ARTIFACTS, "team-editor.png"))

        driver.find_element(By.ID, "logout").click()
        wait(driver, lambda d: d.find_elements(By.ID, "login-name"), "the login page after logging out")
        driver.get(BASE + "/api/documents")
        check("log in first" in driver.page_source, "the API still answers after logging out")
        step("logged out: the API asks to log in")
        print("team browser test passed", flush=True)
    except Failure as failure:
        print(f"FAILED: {failure}", flush=True)
        driver.save_screenshot(os.path.join(ARTIFACTS, "team-failure.png"))
        for entry in driver.get_log("browser"):
            print(f"console: {entry}", flush=True)
        sys.exit(1)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
