"""The web console's journeys in a real browser (Debian's chromium, driven by Playwright).

Run by `ConsoleBrowserTests` (Swift) against a `kontor serve` on its embedded defaults (SQLite, the embedded
sandbox): sign in with the one-time link, set a password, sign out and in again, create a tenant, connect it with an
API key, choose the voucher variant, activate it; disconnect the demo tenant (with its confirmation) and connect it
again by OAuth2 through the sandbox's consent page; export a date range and watch it finish; open the failed invoice
and retry it; create and revoke an access key; turn the archive on with a folder and back-fill the exported
invoices into it; switch to English. A screenshot of every page goes to --shots.
Every step asserts what the user must see; the first failed assertion ends the run with exit status 1.
"""

import argparse
import json
import os
import sys
import tempfile
import time
import urllib.request

from playwright.sync_api import expect, sync_playwright

PASSWORD = "Fahrrad-Kette-2026"


def api(base, token, method, path, body=None):
    """Calls the hub's API (or the sandbox's admin routes) with the partner token; returns the decoded answer."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Authorization", "Bearer " + token)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=30) as answer:
        text = answer.read().decode()
        return json.loads(text) if text else None


def post_document(base, token, external_id, name, data):
    """Posts a document for forwarding as multipart/form-data with the partner token; returns the decoded answer."""
    boundary = "kontor-journey-" + external_id
    # Approved just now, after the activation the journey did a moment before.
    approved = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 2))
    fields = [("externalId", external_id), ("direction", "incoming"), ("approvedAt", approved)]
    body = b"".join(
        ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, key, value)).encode()
        for key, value in fields)
    body += ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n\r\n"
             % (boundary, name)).encode() + data + ("\r\n--%s--\r\n" % boundary).encode()
    request = urllib.request.Request(base + "/api/v1/tenants/demo/documents", data=body, method="POST")
    request.add_header("Authorization", "Bearer " + token)
    request.add_header("Content-Type", "multipart/form-data; boundary=" + boundary)
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read().decode())


def invoice(number, date, contact_id=None):
    customer = {"sourceId": "K-" + number, "company": {"name": "Radhaus Nord GmbH"},
                "address": {"street": "Lindenallee 7", "zip": "22041", "city": "Hamburg", "countryCode": "DE"}}
    if contact_id:
        customer["lexofficeContactId"] = contact_id
    return {"number": number, "date": date, "taxType": "net", "status": "finalized", "customer": customer,
            "lineItems": [{"name": "Inspektion", "quantity": 1, "unitName": "Stück",
                           "unitPrice": {"net": 1234.56}, "taxRatePercent": 19}],
            "totals": {"net": 1234.56, "gross": 1469.13}}


class Journey:
    def __init__(self, page, base, shots):
        self.page = page
        self.base = base
        self.shots = shots
        self.count = 0

    def shot(self, name):
        self.count += 1
        self.page.screenshot(path=os.path.join(self.shots, "%02d-%s.png" % (self.count, name)), full_page=True)

    def go(self, path):
        self.page.goto(self.base + path)

    def notice(self, text):
        expect(self.page.locator(".notice")).to_contain_text(text)

    def problem(self, text):
        expect(self.page.locator(".problem")).to_contain_text(text)


def run(arguments):
    os.makedirs(arguments.shots, exist_ok=True)
    archive_folder = tempfile.mkdtemp(prefix="kontor-journey-archive-")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=arguments.chromium, args=["--no-sandbox"])
        context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        console_errors = []
        page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
        page.on("response", lambda answer: console_errors.append("%d %s" % (answer.status, answer.url))
                if answer.status >= 400 and answer.request.resource_type != "document" else None)
        journey = Journey(page, arguments.base, arguments.shots)

        # Sign in with the one-time link, set a password.
        page.goto(arguments.link)
        expect(page.locator("h1")).to_have_text("Anmelden")
        journey.shot("sign-in-link")
        page.get_by_role("button", name="Jetzt anmelden").click()
        expect(page.locator("h1")).to_have_text("Konto")
        page.get_by_label("Neues Passwort", exact=True).fill(PASSWORD)
        page.get_by_label("Neues Passwort wiederholen").fill(PASSWORD)
        page.get_by_role("button", name="Passwort speichern").click()
        journey.notice("Passwort gespeichert")
        journey.shot("account")

        # Sign out; a wrong password is refused; the right one signs in.
        page.get_by_role("button", name="Abmelden").click()
        journey.notice("abgemeldet")
        page.get_by_label("Benutzername").fill("admin")
        page.get_by_label("Passwort").fill("falsch-falsch")
        page.get_by_role("button", name="Anmelden").click()
        journey.problem("Benutzername oder Passwort ist falsch")
        journey.shot("sign-in-refused")
        page.get_by_label("Benutzername").fill("admin")
        page.get_by_label("Passwort").fill(PASSWORD)
        page.get_by_role("button", name="Anmelden").click()
        expect(page.locator("h1")).to_have_text("Mandanten")
        expect(page.locator("table.list")).to_contain_text("Demo Fahrradwerkstatt")
        expect(page.locator("table.list")).to_contain_text("verbunden")

        # Create a tenant.
        page.get_by_label("Kennung").fill("nordlicht")
        page.get_by_label("Name", exact=True).fill("Nordlicht Physio <GmbH>")
        page.get_by_role("button", name="Anlegen").click()
        journey.notice("Mandant angelegt")
        expect(page.locator("h1")).to_contain_text("Nordlicht Physio <GmbH>")
        expect(page.locator("#connection-title + p")).to_contain_text("nicht verbunden")

        # A rejected API key says so; a valid one connects.
        page.get_by_label("lexoffice-API-Schlüssel").fill("kein-gueltiger-schluessel")
        page.get_by_role("button", name="Mit API-Schlüssel verbinden").click()
        journey.problem("lexoffice hat den API-Schlüssel abgelehnt")
        organization = api(arguments.base, arguments.token, "POST", "/sandbox/_sandbox/organizations",
                           {"companyName": "Nordlicht Physio GmbH"})
        page.get_by_label("lexoffice-API-Schlüssel").fill(organization["apiKey"])
        page.get_by_role("button", name="Mit API-Schlüssel verbinden").click()
        journey.notice("Verbunden mit Nordlicht Physio GmbH")
        expect(page.locator(".facts")).to_contain_text("Nordlicht Physio GmbH")

        # The voucher variant, then activation.
        page.get_by_label("Buchhaltungsbeleg mit Ihrem PDF").check()
        page.get_by_role("button", name="Einstellungen speichern").click()
        journey.notice("Einstellungen gespeichert")
        expect(page.get_by_label("Buchhaltungsbeleg mit Ihrem PDF")).to_be_checked()
        page.get_by_label("Aktiv ab").fill("2026-01-01")
        page.get_by_role("button", name="Aktivieren").click()
        journey.notice("Mandant aktiviert")
        expect(page.locator("h1 .badge")).to_contain_text("aktiv")
        journey.shot("tenant-connected")
        journey.go("/ui/")
        expect(page.locator("table.list tbody tr")).to_have_count(2)
        expect(page.locator("table.list")).to_contain_text("Nordlicht Physio GmbH")
        journey.shot("tenants")
        page.get_by_role("link", name="Nordlicht Physio <GmbH>").click()

        # An access key for the source application: shown once, then revoked after a confirmation.
        page.get_by_label("Name des neuen Schlüssels").fill("Praxissoftware")
        page.get_by_role("button", name="Schlüssel erzeugen").click()
        expect(page.locator("h1")).to_have_text("Schlüssel erzeugt")
        assert page.locator("input.secret").input_value().startswith("kt_"), "the new key is shown"
        page.get_by_role("link", name="Zurück zum Mandanten").click()
        page.get_by_role("link", name="Widerrufen").click()
        page.get_by_role("button", name="Ja, widerrufen").click()
        journey.notice("Schlüssel widerrufen")

        # Disconnect the demo tenant (confirmation first), then connect it by OAuth2 on the sandbox's consent page.
        journey.go("/ui/tenants/demo")
        page.get_by_role("link", name="Trennen").click()
        expect(page.locator("h1")).to_have_text("Verbindung trennen?")
        journey.shot("disconnect-confirmation")
        page.get_by_role("button", name="Ja, trennen").click()
        journey.notice("Verbindung getrennt")
        page.get_by_role("button", name="Mit lexoffice verbinden").click()
        expect(page.locator("body")).to_contain_text("Sandbox Fahrradwerkstatt")
        journey.shot("oauth-consent")
        page.get_by_role("button", name="Erlauben").click()
        journey.notice("Verbunden mit Sandbox Fahrradwerkstatt")
        expect(page.locator(".facts")).to_contain_text("OAuth2")

        # Active since the start of the year (the demo tenant is active since its creation), transfers only by
        # export: three invoices stored, one refused by lexoffice (unknown contact).
        page.get_by_role("button", name="Deaktivieren").click()
        journey.notice("Mandant deaktiviert")
        page.get_by_label("Aktiv ab").fill("2026-01-01")
        page.get_by_role("button", name="Aktivieren").click()
        journey.notice("Mandant aktiviert")
        page.get_by_label("Automatisch beim Speichern übertragen").uncheck()
        page.get_by_role("button", name="Einstellungen speichern").click()
        journey.notice("Einstellungen gespeichert")
        journey.shot("tenant")
        for number, contact in [("R-2026-001", None), ("R-2026-002", None),
                                ("R-2026-003", "0b0fbe4e-5b43-4a0b-9c0e-0d9f3a8e1d11")]:
            api(arguments.base, arguments.token, "PUT", "/api/v1/tenants/demo/invoices/" + number,
                invoice(number, "2026-03-1" + number[-1], contact))

        # Export a date range and watch it finish (live progress by polling).
        page.get_by_role("link", name="Export").click()
        page.get_by_label("von").fill("2026-03-01")
        page.get_by_label("bis").fill("2026-03-31")
        page.get_by_role("button", name="Export starten").click()
        expect(page.locator("#export-progress")).to_be_visible()
        journey.shot("export-running")
        expect(page.locator("#export-state")).to_contain_text("Export abgeschlossen", timeout=60_000)
        expect(page.locator('[data-count="done"]')).to_have_text("2")
        expect(page.locator('[data-count="failed"]')).to_have_text("1")
        journey.shot("export-finished")

        # The invoices: amounts in German format, the failed one opened and retried.
        page.get_by_role("link", name="Rechnungen dieses Zeitraums anzeigen").click()
        expect(page.locator("table.list")).to_contain_text("1.469,13 €")
        page.get_by_label("Status").select_option("failed")
        page.get_by_role("button", name="Anzeigen").click()
        expect(page.locator("table.list tbody tr")).to_have_count(1)
        journey.shot("invoices-failed")
        page.get_by_role("link", name="R-2026-003").click()
        expect(page.locator("h2").first).to_contain_text("fehlgeschlagen")
        journey.shot("invoice-failed")
        page.get_by_role("button", name="Erneut übertragen").click()
        journey.notice("Rechnung wird erneut übertragen")

        # The customer sync: turned on both ways, lexoffice's customers offered by the first sync.
        page.get_by_role("link", name="Kunden").click()
        page.get_by_label("Kundenabgleich aktiv").check()
        page.get_by_label("in beide Richtungen").check()
        page.get_by_role("button", name="Abgleich speichern").click()
        journey.notice("Kundenabgleich gespeichert")
        expect(page.locator("#sync-title .badge")).to_contain_text("aktiv")
        for _ in range(30):
            if "Erster Abgleich abgeschlossen" in page.locator("main").inner_text():
                break
            page.wait_for_timeout(1000)
            page.reload()
        expect(page.locator("main")).to_contain_text("Erster Abgleich abgeschlossen")
        journey.shot("customers")

        # Forwarding: switched on from the Documents tab, a scan posted by the partner is forwarded to lexoffice.
        page.get_by_role("link", name="Belege").click()
        page.get_by_label("Weiterleitung aktiv").check()
        page.get_by_label("von Kontor gelesen (Beleg mit Nummer und Kontakt)").check()
        page.get_by_role("button", name="Weiterleitung speichern").click()
        journey.notice("Weiterleitung gespeichert")
        expect(page.locator("#forwarding-title .badge")).to_contain_text("aktiv")
        post_document(arguments.base, arguments.token, "scan-0815", "scan-0815.pdf",
                      b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
        for _ in range(30):
            documents = page.locator("table.list")
            if documents.count() and "weitergeleitet" in documents.inner_text():
                break
            page.wait_for_timeout(1000)
            page.reload()
        expect(page.locator("table.list")).to_contain_text("scan-0815")
        expect(page.locator("table.list")).to_contain_text("weitergeleitet")
        journey.shot("documents")

        # Archive: switched on with a folder as its sink, the exported invoices back-filled into it.
        page.get_by_role("link", name="Archiv", exact=True).click()
        page.get_by_label("Archiv aktiv").check()
        page.get_by_label("In einen Ordner schreiben").check()
        page.get_by_label("Ordner (absoluter Pfad, muss existieren)").fill(archive_folder)
        page.get_by_role("button", name="Archiv speichern").click()
        journey.notice("Archiv gespeichert")
        expect(page.locator("#archive-title .badge")).to_contain_text("✓ aktiv")
        page.get_by_label("von", exact=True).fill("2026-03-01")
        page.get_by_label("bis", exact=True).fill("2026-03-31")
        page.get_by_role("button", name="Nachholen starten").click()
        journey.notice("Nachholen gestartet")
        for _ in range(60):
            items = page.locator("table.list")
            if items.count() and "archiviert" in items.inner_text() and "fertig" in page.locator("main").inner_text():
                break
            page.wait_for_timeout(1000)
            page.reload()
        expect(page.locator("#backfill-progress")).to_contain_text("fertig")
        expect(page.locator("table.list")).to_contain_text("archiviert")
        stored = [name for _, _, names in os.walk(archive_folder) for name in names]
        assert any(name.endswith(".json") for name in stored), "the archive folder holds: %s" % stored
        journey.shot("archive")

        # The activity log lists what happened.
        page.get_by_role("link", name="Protokoll", exact=True).click()
        expect(page.locator("table.list")).to_contain_text("tenant")
        journey.shot("activity")

        # English by the switch.
        page.get_by_role("link", name="English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page.get_by_role("link", name="Invoices")).to_be_visible()
        page.get_by_role("link", name="Tenants").click()
        expect(page.locator("h1")).to_have_text("Tenants")
        journey.shot("tenants-english")

        assert not console_errors, "the browser reported errors: %s" % console_errors
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", required=True, help="the hub's base URL")
    parser.add_argument("--link", required=True, help="the one-time sign-in link kontor serve printed")
    parser.add_argument("--token", required=True, help="the partner token (for sending invoices)")
    parser.add_argument("--shots", required=True, help="folder for the screenshots")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="the browser to drive")
    arguments = parser.parse_args()
    try:
        run(arguments)
    except AssertionError as failure:
        print("JOURNEY FAILED: %s" % failure, file=sys.stderr)
        sys.exit(1)
    print("all journeys passed")


if __name__ == "__main__":
    main()
