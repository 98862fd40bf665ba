"""Hostile user schemas (issue 18): a config's `schema` comes from the checked tree. It may
not make briefcheck fetch or read anything (a local HTTP server asserts that it receives
nothing), and a schema too large, too deep, looping, of the wrong shape, not a regular file,
with a catastrophic `pattern` or a template that formats gigabytes is one line, exit 2.
Each case runs the command in a process of its own, within the bounds it states."""

from __future__ import annotations

import json
import os
import shutil
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from bounded import assert_contract, run_bounded
from conftest import SEED


class _Recorder(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        self.requests.append(self.path)
        body = b'{"type": "object"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    """A local HTTP server that serves any schema asked for, and records each request."""
    httpd = HTTPServer(("127.0.0.1", 0), type("Handler", (_Recorder,), {"requests": []}))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", httpd.RequestHandlerClass.requests
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def folder(tmp_path):
    """tmp_path/brief.txt (the seed) and a .briefcheck.toml pointing at tmp_path/schema.json."""
    shutil.copy(SEED, tmp_path / "brief.txt")
    (tmp_path / ".briefcheck.toml").write_text('schema = "schema.json"\n', encoding="utf-8")
    return tmp_path


def _schema(folder, schema) -> None:
    text = schema if isinstance(schema, str) else json.dumps(schema)
    (folder / "schema.json").write_text(text, encoding="utf-8")


def _refused(folder, *parts, seconds=30, mb=300):
    outcome = run_bounded(folder / "brief.txt", seconds=seconds, mb=mb)
    assert_contract(outcome, codes=(2,))
    (line,) = outcome.stderr_lines
    assert str(folder / "schema.json") in line and "cannot use schema" in line, line
    for part in parts:
        assert part in line, line
    return line


def _sections(text_schema: dict) -> dict:
    """A schema whose only constraint is `text_schema` on every paragraph's text."""
    blocks = {"items": {"properties": {"text": text_schema}}}
    return {"properties": {"sections": {"items": {"properties": {
        "paragraphs": blocks, "bullets": blocks}}}}}


REFERENCES = {
    "ref-http": lambda url, tmp: {"$ref": f"{url}/x.json"},
    "ref-file": lambda url, tmp: {"$ref": f"file://{tmp}/other.json"},
    "ref-relative-file": lambda url, tmp: {"$ref": "other.json"},
    "ref-under-property-named-ref": lambda url, tmp: {
        "properties": {"$ref": {"$ref": f"{url}/y.json"}}},
    "ref-under-ref-object": lambda url, tmp: {"$ref": {"$ref": f"{url}/y.json"}},
    "dynamic-ref-http": lambda url, tmp: {"$dynamicRef": f"{url}/z.json"},
    "dynamic-ref-file": lambda url, tmp: {"$dynamicRef": "file:///etc/hostname"},
    "recursive-ref": lambda url, tmp: {"$recursiveRef": f"{url}/r.json"},
    "id-then-relative-ref": lambda url, tmp: {"$id": f"{url}/", "$ref": "x.json"},
    "ref-in-allOf": lambda url, tmp: {"allOf": [{"$ref": f"{url}/a.json"}]},
}


@pytest.mark.parametrize("name", list(REFERENCES))
def test_a_schema_reference_fetches_and_reads_nothing(folder, server, name):
    url, requests = server
    (folder / "other.json").write_text('{"not": {}}', encoding="utf-8")
    _schema(folder, REFERENCES[name](url, folder))
    _refused(folder, "only references inside the schema file")
    assert requests == []


def test_a_metaschema_url_is_not_fetched(folder, server):
    url, requests = server
    _schema(folder, {"$schema": f"{url}/meta.json", "type": "object"})
    outcome = run_bounded(folder / "brief.txt", seconds=30, mb=300)
    assert_contract(outcome, codes=(0, 1, 2))
    assert requests == []


@pytest.mark.parametrize("validator", ["jsonschema", "jsonschema-rs"])
def test_neither_validator_retrieves_a_reference(tmp_path, server, monkeypatch, validator):
    """Below the refusal of `_check_user_schema`: each validator's own retrieval refuses."""
    from checker import schema as schema_module

    url, requests = server
    monkeypatch.setattr(schema_module, "_check_user_schema", lambda schema: None)
    path = tmp_path / "remote.json"
    path.write_text(json.dumps({"$ref": f"{url}/x.json"}), encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017 - whichever error each library raises
        if validator == "jsonschema":
            schema_module._validator(path.resolve()).is_valid({})
        else:
            import jsonschema_rs

            jsonschema_rs.Draft202012Validator(
                json.loads(path.read_text()), retriever=schema_module._refuse).is_valid({})
    schema_module._schema.cache_clear()
    schema_module._validator.cache_clear()
    assert requests == []


@pytest.mark.parametrize("schema, reason", [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"enum": [' + "[" * 900 + "]" * 900 + "]}", "nested too deeply"),
    ('{"allOf": [' * 900 + "{}" + "]}" * 900, "nested too deeply"),
    ({"$ref": "#", "required": ["nothing"]}, "references loop"),
    ({"$defs": {"a": {"$ref": "#/$defs/a", "required": ["x"]}}, "$ref": "#/$defs/a"},
     "references loop"),
    ({"properties": {"sections": {"$ref": "#/$defs/nowhere"}}}, "cannot be resolved"),
    ("[]", ""),
    ("1", ""),
    ('"schema"', ""),
    ('{"type": ', ""),
    ({"type": "nothing"}, ""),
    ("{}" + " " * 2_000_000, "larger than the 1024 KB limit"),
], ids=["arrays-100000", "enum-arrays-900", "allOf-900", "ref-self", "ref-loop", "ref-nowhere",
         "array", "number",
        "string", "truncated", "invalid", "2-MB"])
def test_a_schema_of_the_wrong_shape_is_one_line(folder, schema, reason):
    _schema(folder, schema)
    _refused(folder, reason)


def test_a_schema_that_is_not_utf8_is_one_line(folder):
    (folder / "schema.json").write_bytes(b'{"title": "\xe9"}')
    _refused(folder, "utf-8")


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "directory", "dev-null"])
def test_a_schema_that_is_not_a_regular_file_is_one_line(folder, kind):
    if kind == "fifo":
        os.mkfifo(folder / "schema.json")
    elif kind == "directory":
        (folder / "schema.json").mkdir()
    else:
        (folder / ".briefcheck.toml").write_text(f'schema = "/dev/{kind[4:]}"\n', encoding="utf-8")
    outcome = run_bounded(folder / "brief.txt", seconds=30, mb=300)
    assert_contract(outcome, codes=(2,))
    assert "cannot use schema" in outcome.stderr and ("regular file" in outcome.stderr
                                                      or "directory" in outcome.stderr)


@pytest.mark.parametrize("pattern", [r"^(\w+\s?)*$", r"^(a+)+$", r"^([a-zA-Z]+)*[.]$"])
def test_a_catastrophic_pattern_runs_in_linear_time(folder, pattern):
    """Rust's regex engine (through jsonschema-rs) in both validators: a paragraph of 3,000
    words followed by a "!" fails the pattern at once (Python's `re` ran past 120 s)."""
    text = "Key Points\n- " + "word " * 3_000 + "!\n"
    (folder / "brief.txt").write_text(text, encoding="utf-8")
    _schema(folder, _sections({"pattern": pattern}))
    outcome = run_bounded(folder / "brief.txt", "--format", "json", seconds=30, mb=300)
    assert_contract(outcome, codes=(0, 1))
    json.loads(outcome.stdout)


@pytest.mark.parametrize("pattern", [r"^(?=\w)", r"(a)\1", r"(?<=a)b", r"(?!x)"])
def test_a_pattern_that_needs_backtracking_is_refused(folder, pattern):
    _schema(folder, _sections({"pattern": pattern}))
    _refused(folder, "linear time")


def test_a_pattern_only_jsonschema_reads_still_runs_linearly(folder, monkeypatch):
    """jsonschema (the reference, used when jsonschema-rs is not) matches patterns on the
    same linear engine: the same errors, in the same time."""
    from checker import schema as schema_module
    from checker.loaders import load

    _schema(folder, _sections({"pattern": r"^(\w+\s?)*$", "x-rule": "S100"}))
    path = (folder / "schema.json").resolve()
    monkeypatch.setattr(schema_module, "_quick_validator", lambda path: None)
    brief = load("Key Points\n- " + "word " * 3_000 + "!\n", "b.txt")
    import time

    start = time.process_time()
    violations = schema_module.validate_brief(brief, path)
    assert time.process_time() - start < 5
    assert [v.code for v in violations if "does not match" in v.message] == ["S100"]


@pytest.mark.parametrize("template", [
    "{value:900000000}", "{count:>900000000}", "{value.__class__}", "{value[0]}",
    "{value!r}", "{label", "{}", "{0}", "{secret}",
])
def test_a_template_formats_only_its_fields(folder, template):
    _schema(folder, _sections({"maxLength": 5, "x-messages": {"maxLength": template}}))
    _refused(folder, "x-messages template")


def test_a_long_value_in_a_message_is_cut(folder):
    text = "Key Points\n- " + "word " * 100_000 + "\n"
    (folder / "brief.txt").write_text(text, encoding="utf-8")
    _schema(folder, _sections({"maxLength": 5, "x-rule": "S100",
                               "x-messages": {"maxLength": "{label}: {value} ({count})"}}))
    outcome = run_bounded(folder / "brief.txt", "--format", "json", seconds=30, mb=300)
    (finding,) = [f for f in json.loads(outcome.stdout)["documents"][0]["findings"]
                  if f["code"] == "S100" and "word" in f["message"]]
    assert len(finding["message"]) < 300 and finding["message"].endswith("… (499999)")


def test_the_shipped_schema_keeps_the_rules_it_sets_for_user_schemas():
    """Its patterns run on the linear engine too (jsonschema's `pattern` keyword does not
    enforce a pattern that engine cannot run), so they must stay within its syntax."""
    from checker.schema import _check_user_schema, shipped_schema_path

    _check_user_schema(json.loads(shipped_schema_path().read_text("utf-8")))
