"""The workbench in a real headless browser: Debian's chromium driven through chromedriver (Selenium)
against the real server (uvicorn on a free loopback port), over a store that garante's own pipeline
built from HTML captures written for the tests (tests/webstore.py), one of them hostile.

scripts/test-setup.sh installs chromium and chromium-driver; without them these tests skip.
"""
from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
CHROMEDRIVER = shutil.which("chromedriver") or (
    "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)
if not (CHROMIUM and CHROMEDRIVER):
    pytest.skip("chromium and chromedriver are not installed (run scripts/test-setup.sh as root)",
                allow_module_level=True)

import uvicorn  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import (NoAlertPresentException, StaleElementReferenceException,  # noqa: E402
                                        WebDriverException)
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from garante.batch import analyze  # noqa: E402
from garante.pipeline import Context  # noqa: E402
from garante.present.web import create_app  # noqa: E402
from garante.store import Store  # noqa: E402

import webstore  # noqa: E402

TOKEN = "browser-test-token"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The store, the capture files and the running server's base URL."""
    root = tmp_path_factory.mktemp("browser")
    captures = root / "captures"
    captures.mkdir()
    paths = webstore.write_captures(captures, hostile=True)
    db = str(root / "store.db")
    ctx = Context()
    with Store(db) as store:
        report = analyze(paths, store, ctx, pipeline=webstore.pipeline(ctx))
    assert report.analysed == 4 and not report.errors
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, token=TOKEN, pipeline=webstore.pipeline(ctx)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "db": db, "paths": paths, "ctx": ctx}
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="garante-chromium-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", f"--user-data-dir={profile}", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.implicitly_wait(3)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _go(driver, element) -> None:
    """Clicks a link or submit button and waits until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 15).until(lambda d: _gone(page))


def _gone(element) -> bool:
    """Whether the page that held ``element`` was replaced. Chromium answers a look-up of a node of a page
    being replaced either with a stale reference or, mid-navigation, with "Node with given id does not belong
    to the document" (EC.staleness_of only knows the first: a CI run failed on the second)."""
    try:
        element.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as e:
        if "does not belong to the document" in str(e):
            return True
        raise
    return False


def _no_alert(driver) -> bool:
    try:
        driver.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


def _document_link(driver, title: str):
    return driver.find_element(By.XPATH, f"//ul[@class='docs']//a[normalize-space()='{title}']")


def test_click_through_overview_document_actor_issue_evidence(site, browser):
    b = browser
    b.get(site["url"] + "/")
    assert b.find_element(By.TAG_NAME, "h1").text == "Corpus overview"
    assert "Gazzetta di Prova" in b.find_element(By.CSS_SELECTOR, "table.bars").text
    _go(b, _document_link(b, "Leaders split over troops for Ukraine"))

    # the document: cleaned text highlighted, the raw capture beside it with furniture greyed out
    assert b.find_element(By.CSS_SELECTOR, "h1.doc-title").text == "Leaders split over troops for Ukraine"
    # a statement is cut into pieces where an entity inside it is linked: join them back
    quotes = b.execute_script("""const q = {};
        document.querySelectorAll('#clean-text .hl-statement').forEach(e => {
            q[e.dataset.statement] = (q[e.dataset.statement] || '') + e.textContent; });
        return Object.values(q);""")
    assert "European troops could be deployed in Ukraine once a ceasefire holds" in quotes
    removed = b.find_elements(By.CSS_SELECTOR, "#raw-text .removed")
    assert any("Login" in e.text for e in removed)
    assert removed[0].value_of_css_property("color") != b.find_element(
        By.CSS_SELECTOR, "#raw-text .line:not(.removed)").value_of_css_property("color")

    # a highlighted mention opens the actor page
    _go(b, b.find_element(By.CSS_SELECTOR, '#clean-text a.hl-mention[href="/actors/vladimir-putin"]'))
    assert b.find_element(By.CSS_SELECTOR, "h1.actor-name").text.startswith("Vladimir Putin")
    assert "president" in b.find_element(By.CSS_SELECTOR, "table.roles").text
    assert b.find_elements(By.CSS_SELECTOR, "ol.statements > li.statement")
    _go(b, b.find_element(By.CSS_SELECTOR, 'table.positions a.issue-link[href="/issues/foreign_troops_in_ukraine"]'))

    # the issue: states by stance, the people apart, a chart of how it moved
    support = b.find_element(By.CSS_SELECTOR, ".cols:not(.persons) .group-support")
    assert "france" in support.text.lower() and "Russia" not in support.text
    assert "Russia" in b.find_element(By.CSS_SELECTOR, ".cols:not(.persons) .group-oppose").text
    assert "Vladimir Putin" in b.find_element(By.CSS_SELECTOR, ".cols.persons").text
    assert len(b.find_elements(By.CSS_SELECTOR, "#issue-chart rect")) >= 3
    _go(b, support.find_element(By.CSS_SELECTOR, "a.evidence-link"))

    # the evidence behind France's support, each item linking back to its document
    items = b.find_elements(By.CSS_SELECTOR, "ol.evidence > li")
    assert [i.find_element(By.TAG_NAME, "blockquote").text for i in items] == [
        "le truppe europee restano un'opzione", "European troops could be deployed in Ukraine once a ceasefire holds"]
    _go(b, items[0].find_element(By.CSS_SELECTOR, "a.doc-link"))
    assert b.find_element(By.CSS_SELECTOR, "h1.doc-title").text == "Il Cremlino apre a una tregua"

    # the matrix: a coloured cell opens the same evidence
    _go(b, b.find_element(By.ID, "nav-matrix"))
    cell = b.find_element(By.CSS_SELECTOR, 'a.cell-link[href="/evidence?actor=russia&issue=ceasefire"]')
    assert "stance-" in cell.find_element(By.XPATH, "..").get_attribute("class")
    _go(b, cell)
    assert "a ceasefire is out of the question" in b.find_element(By.CSS_SELECTOR, "ol.evidence").text

    # search with a filter
    _go(b, b.find_element(By.ID, "nav-search"))
    b.find_element(By.NAME, "q").send_keys("troops")
    _go(b, b.find_element(By.CSS_SELECTOR, "form.search button[type=submit]"))
    found = b.find_elements(By.CSS_SELECTOR, "li.statement blockquote")
    assert sorted(e.text for e in found) == ["European troops could be deployed in Ukraine once a ceasefire holds",
                                             "foreign troops in Ukraine would be legitimate targets"]
    assert _no_alert(b)


def _statement_item(driver, content_start: str):
    return next(li for li in driver.find_elements(By.CSS_SELECTOR, "ol.statements > li.statement")
                if li.find_element(By.TAG_NAME, "blockquote").text.startswith(content_start))


def _correct_speaker(driver, content_start: str, entity_id: str, token: str) -> None:
    item = _statement_item(driver, content_start)
    item.find_element(By.CSS_SELECTOR, "details.fix summary").click()
    form = item.find_element(By.CSS_SELECTOR, "form.fix-speaker")
    Select(form.find_element(By.NAME, "entity_id")).select_by_value(entity_id)
    token_input = form.find_element(By.NAME, "token")
    token_input.clear()
    token_input.send_keys(token)
    _go(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))


def test_correction_needs_the_token_and_survives_reanalysis(site, browser):
    b = browser
    quote = "foreign troops in Ukraine would be legitimate targets"
    b.get(site["url"] + "/")
    _go(b, _document_link(b, "Leaders split over troops for Ukraine"))
    doc_url = b.current_url

    _correct_speaker(b, quote, "emmanuel-macron", "wrong-token")
    assert "401" in b.page_source and "token" in b.find_element(By.TAG_NAME, "main").text
    with Store(site["db"]) as store:
        assert store.query("SELECT COUNT(*) AS n FROM corrections")[0]["n"] == 0

    b.get(doc_url)
    _correct_speaker(b, quote, "emmanuel-macron", TOKEN)
    item = _statement_item(b, quote)
    assert "✎ corrected: speaker" in item.text and "Emmanuel Macron" in item.text
    assert "machine said Vladimir Putin" in item.find_element(By.CSS_SELECTOR, ".correction-mark").get_attribute("title")

    with Store(site["db"]) as store:
        before = store.query("SELECT id FROM statements WHERE content = ?", (quote,))[0]["id"]
        report = analyze(site["paths"], store, site["ctx"], force=True, pipeline=webstore.pipeline(site["ctx"]))
        assert report.analysed == 4
        after = store.query("SELECT id FROM statements WHERE content = ?", (quote,))[0]["id"]
    assert after != before  # the machine output was replaced ...

    b.get(site["url"] + "/")
    _go(b, _document_link(b, "Leaders split over troops for Ukraine"))
    assert b.current_url == doc_url  # ... under the same document id (old links keep working)
    item = _statement_item(b, quote)
    assert "✎ corrected: speaker" in item.text and "Emmanuel Macron" in item.text  # ... the correction kept
    assert "corrected" in b.find_element(By.CSS_SELECTOR, "#clean-text .hl-statement.corrected").get_attribute("class")
    _go(b, b.find_element(By.ID, "nav-corrections"))
    row = b.find_element(By.CSS_SELECTOR, "tr.correction")
    assert "emmanuel-macron" in row.text
    _go(b, row.find_element(By.CSS_SELECTOR, "a.doc-link"))  # attached to the statement as stored now
    assert "✎ corrected: speaker" in _statement_item(b, quote).text


def test_upload_from_the_page(site, browser, tmp_path):
    b = browser
    page = tmp_path / "geneva.txt"
    page.write_text("Talks resume in Geneva\n\nDiplomats met in Geneva on Tuesday to discuss a ceasefire. "
                    "Officials said the talks were useful and would continue next week.\n", encoding="utf-8")
    b.get(site["url"] + "/")
    form = b.find_element(By.CSS_SELECTOR, "form.upload")
    form.find_element(By.NAME, "file").send_keys(str(page))
    token_input = form.find_element(By.NAME, "token")
    token_input.clear()
    token_input.send_keys(TOKEN)
    _go(b, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    # the job's page reloads itself until the analysis is done
    WebDriverWait(b, 60).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "Analysed")
    assert "1 analysed" in b.find_element(By.TAG_NAME, "main").text
    _go(b, b.find_element(By.CSS_SELECTOR, "main a.doc-link"))
    assert "Diplomats met in Geneva" in b.find_element(By.ID, "clean-text").text


def test_hostile_capture_cannot_run_script(site, browser):
    b = browser
    with Store(site["db"]) as store:
        doc_id = store.query("SELECT id FROM documents WHERE text LIKE '%window.__pwned%'")[0]["id"]
    pages = [f"/documents/{doc_id}", "/", "/documents", "/actors/vladimir-putin", "/actors/russia",
             "/issues/ceasefire", "/matrix", "/search?q=change", "/evidence?actor=russia&issue=ceasefire",
             "/changes?date_from=2025-01-01&date_to=2025-12-31"]
    for url in pages:
        b.get(site["url"] + url)
        # hover over everything a handler could have been smuggled into
        for el in b.find_elements(By.CSS_SELECTOR, "h1, dd, blockquote, .hl-statement, td, li")[:60]:
            try:
                ActionChains(b).move_to_element(el).perform()
            except Exception:  # off-screen or zero-size elements cannot be hovered
                pass
        assert b.execute_script("return typeof window.__pwned") == "undefined", url
        assert _no_alert(b), url
    b.get(site["url"] + f"/documents/{doc_id}")
    # the hostile markup is shown as text, in the cleaned text and in the raw capture
    assert '<img src=x onerror="window.__pwned = 3">' in b.find_element(By.ID, "clean-text").text
    assert "<script>window.__pwned = 10</script>" in b.find_element(By.ID, "raw-text").text
    assert b.find_elements(By.CSS_SELECTOR, "main img, main script, main iframe") == []
    assert 'onmouseover="window.__pwned = 7' in b.find_element(By.CSS_SELECTOR, "dl.meta").text
    assert b.execute_script("return typeof window.__pwned") == "undefined"
