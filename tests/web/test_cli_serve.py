"""`annales serve`: refuses a missing database, prints the token, serves over HTTP on loopback."""
from __future__ import annotations

import json
import urllib.error
import urllib.request

from annales.cli import main

from .conftest import Server


def test_serve_needs_an_existing_database(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "none.db"), "serve"]) == 1
    assert "Error: no database at" in capsys.readouterr().err


def _post(url: str, body: dict, token: str | None) -> tuple[int, dict]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["X-Annales-Token"] = token
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_serve_prints_a_token_and_edits_need_it(db):
    server = Server(db, allow_edits=True)
    try:
        banner = "".join(server.banner)
        assert "http://127.0.0.1:" in banner and "edits ON" in banner and len(server.token) >= 24
        with urllib.request.urlopen(server.url + "/api/v1/happenings?type=CONSULT", timeout=10) as answer:
            consult = json.loads(answer.read())["items"][0]
        url = f"{server.url}/api/v1/happenings/{consult['id']}/corrections"
        assert _post(url, {"action": "reject"}, None)[0] == 401
        assert _post(url, {"action": "reject"}, "not-the-token")[0] == 401
        status, body = _post(url, {"action": "set", "field": "status", "value": "alleged"}, server.token)
        assert status == 201 and body["happening"]["status"] == "alleged"
    finally:
        server.stop()


def test_serve_read_only_by_default(db):
    server = Server(db, allow_edits=False)
    try:
        assert "read-only" in "".join(server.banner) and not server.token
        with urllib.request.urlopen(server.url + "/api/v1/happenings", timeout=10) as answer:
            consult = json.loads(answer.read())["items"][0]
        status, body = _post(f"{server.url}/api/v1/happenings/{consult['id']}/corrections", {"action": "reject"}, "x")
        assert status == 403 and "--allow-edits" in body["detail"]
    finally:
        server.stop()
