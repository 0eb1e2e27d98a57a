"""The what-if page of `fundsim serve` in headless Chromium, driven by Selenium (docs/serve.md §3).

Opens the page, changes the MFG control and the lump sum with the keyboard, and checks the total and the
count of schools on the MFG shown equal what `fundsim run --scenario` gives for the same changes; saves an
option, builds the Forum pack, prints the page. Screenshots and the PDF are kept in WORK.
A second server started with --token: the page asks for the token once, then calculates.
Usage: what_if_page.py URL FUNDSIM CENSUS SCENARIO OPTIONS_DIR WORK CHROMIUM CHROMEDRIVER TOKEN_URL TOKEN
"""
import json
import os
import subprocess
import sys
import tempfile
import base64

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

URL, FUNDSIM, CENSUS, SCENARIO, OPTIONS, WORK, CHROMIUM, CHROMEDRIVER, TOKEN_URL, TOKEN = sys.argv[1:11]


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def figure(text):
    return float(text.replace(",", "").replace("£", "").strip())


options = webdriver.ChromeOptions()
options.binary_location = CHROMIUM
for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--window-size=1600,1400", "--user-data-dir=" + tempfile.mkdtemp()]:
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
wait = WebDriverWait(driver, 60)
try:
    driver.get(URL)
    runs = lambda: int(driver.find_element(By.TAG_NAME, "body").get_attribute("data-runs") or 0)
    wait.until(lambda d: runs() >= 1)
    driver.save_screenshot(os.path.join(WORK, "1-served.png"))
    served_total = figure(driver.find_element(By.ID, "total").text)

    # Every control is labelled.
    unlabelled = driver.execute_script(
        "return [...document.querySelectorAll('input, textarea, select')]"
        ".filter(e => !e.labels.length && !e.getAttribute('aria-label')).map(e => e.id || e.outerHTML);")
    if unlabelled:
        fail("controls without a label: %s" % unlabelled)

    def set_control(control_id, value):
        before = runs()
        box = driver.find_element(By.ID, control_id)
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(str(value))
        box.send_keys(Keys.TAB)  # the keyboard applies the change
        wait.until(lambda d: runs() > before)
        if "bad" in driver.find_element(By.ID, "status").get_attribute("class"):
            fail("the page refused %s = %s: %s" % (control_id, value, driver.find_element(By.ID, "status").text))

    # A cap below the MFG: fundsim run's message beside the control, the last good results kept.
    before = runs()
    cap = driver.find_element(By.ID, "c-capping-cap")
    cap.send_keys(Keys.CONTROL, "a")
    cap.send_keys("-1")
    cap.send_keys(Keys.TAB)
    wait.until(lambda d: "bad" in d.find_element(By.ID, "status").get_attribute("class"))
    message = driver.find_element(By.ID, "c-capping-cap-error").text
    if "must not be below the MFG percent" not in message:
        fail("a cap below the MFG shows %r beside the control" % message)
    if runs() != before or figure(driver.find_element(By.ID, "total").text) != served_total:
        fail("the last good results were not kept after a refused change")
    driver.save_screenshot(os.path.join(WORK, "1b-refused.png"))
    set_control("c-capping-cap", "0")

    # The lever, from the keyboard: nothing balances the budget, then scaling again.
    from selenium.webdriver.support.ui import Select
    before = runs()
    Select(driver.find_element(By.ID, "c-budget-solve_for")).select_by_value("")
    wait.until(lambda d: runs() > before)
    if driver.find_element(By.ID, "lever").text != "none" or figure(driver.find_element(By.ID, "headroom").text) == 0:
        fail("without a lever the page shows lever %r, headroom %s" % (
            driver.find_element(By.ID, "lever").text, driver.find_element(By.ID, "headroom").text))
    before = runs()
    Select(driver.find_element(By.ID, "c-budget-solve_for")).select_by_value("scaling")
    wait.until(lambda d: runs() > before)
    if json.loads(driver.find_element(By.ID, "patch").get_attribute("value")) != {}:
        fail("the lever set back leaves the patch %s" % driver.find_element(By.ID, "patch").get_attribute("value"))

    set_control("c-mfg-percent", "-0.5")
    set_control("c-factors-lump_sum-rate-primary", "140000")
    set_control("c-factors-lump_sum-rate-secondary", "140000")
    driver.save_screenshot(os.path.join(WORK, "2-changed.png"))
    shown_patch = json.loads(driver.find_element(By.ID, "patch").get_attribute("value"))
    patch = {"mfg": {"percent": -0.005}, "factors": {"lump_sum": {"rate": {"primary": 140000, "secondary": 140000}}}}
    if shown_patch != patch:
        fail("the page's patch is %s, expected %s" % (shown_patch, patch))
    total = figure(driver.find_element(By.ID, "total").text)
    on_mfg = int(figure(driver.find_element(By.ID, "on-mfg").text))

    # The same changes through fundsim run --scenario: the demo scenario's changes, then the page's.
    with open(SCENARIO) as f:
        scenario = json.load(f)

    def merge(a, b):
        for k, v in b.items():
            a[k] = merge(a.get(k, {}), v) if isinstance(v, dict) and isinstance(a.get(k), dict) else v
        return a

    scenario["changes"] = merge(scenario["changes"], patch)
    scenario["base"] = os.path.join(os.path.dirname(os.path.abspath(SCENARIO)), scenario["base"])
    with open(os.path.join(WORK, "same-changes.json"), "w") as f:
        json.dump(scenario, f)
    subprocess.run([FUNDSIM, "run", "--census", CENSUS, "--scenario", os.path.join(WORK, "same-changes.json"),
                    "--out", os.path.join(WORK, "run"), "-q"], check=True)
    with open(os.path.join(WORK, "run", "summary.json")) as f:
        summary = json.load(f)
    if abs(total - summary["total_budget_share"]) > 0.001:
        fail("the page shows a total of %.2f, fundsim run gives %.2f" % (total, summary["total_budget_share"]))
    if on_mfg != summary["schools_on_mfg"]:
        fail("the page shows %d schools on the MFG, fundsim run gives %d" % (on_mfg, summary["schools_on_mfg"]))
    print("page and fundsim run agree: total %.2f, %d schools on the MFG (served total %.2f)" %
          (total, on_mfg, served_total))

    # A school's statement.
    driver.find_element(By.CSS_SELECTOR, "#schools tbody tr button").send_keys(Keys.ENTER)
    wait.until(lambda d: "URN" in d.find_element(By.ID, "school-h").text)
    if "Budget share" not in driver.find_element(By.ID, "explain").text:
        fail("the school's explain text has no budget share")

    # Save the option, then build the pack from it.
    name = "MFG -0.5%, lump sum 140k"
    driver.find_element(By.ID, "option-name").send_keys(name)
    driver.find_element(By.ID, "save-option").send_keys(Keys.ENTER)
    wait.until(lambda d: name in d.find_element(By.ID, "option-list").text)
    if not os.path.isfile(os.path.join(OPTIONS, name + ".json")):
        fail("the option was not saved as %s.json in the options folder" % name)
    driver.find_element(By.ID, "build-pack").send_keys(Keys.ENTER)
    wait.until(lambda d: d.find_elements(By.ID, "pack-link"))
    driver.save_screenshot(os.path.join(WORK, "3-pack-built.png"))
    if not os.path.isfile(os.path.join(OPTIONS, "pack", "report.html")):
        fail("no report.html in the options folder's pack/")

    # It prints (the browser's own PDF of the page), and it reached nothing but the server.
    pdf = base64.b64decode(driver.print_page())
    with open(os.path.join(WORK, "page.pdf"), "wb") as f:
        f.write(pdf)
    if not pdf.startswith(b"%PDF") or len(pdf) < 20000:
        fail("the printed page is %d bytes" % len(pdf))
    elsewhere = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => !n.startsWith(location.origin));")
    if elsewhere:
        fail("the page fetched from elsewhere: %s" % elsewhere)

    driver.get(URL.rstrip("/") + "/pack/report.html")
    if "Funding options compared" not in driver.title:
        fail("the pack's report.html has the title %r" % driver.title)
    driver.save_screenshot(os.path.join(WORK, "4-pack-report.png"))
    # Behind a token: asked once, then the page calculates.
    driver.get(TOKEN_URL)
    wait.until(lambda d: d.find_element(By.ID, "token-form").is_displayed())
    driver.save_screenshot(os.path.join(WORK, "5-token-asked.png"))
    box = driver.find_element(By.ID, "token")
    box.send_keys(TOKEN)
    box.send_keys(Keys.ENTER)
    wait.until(lambda d: runs() >= 1)
    if figure(driver.find_element(By.ID, "total").text) != served_total:
        fail("behind the token the page shows another total")

    print("PASS: the what-if page in %s: changes, a refused change, statement, option saved, pack built, printed, token asked" % CHROMIUM)
finally:
    driver.quit()
