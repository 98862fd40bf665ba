"""Editorial schema enforcement: the brief's JSON form, validated against a JSON Schema.

`schemas/brief.schema.json` is the single source of truth for editorial limits. A Brief is
dumped to its JSON form with derived metrics (word and sentence counts, outline), validated,
and each error becomes a `Violation`: the rule code and message template come from the
schema itself (`x-rule`, `x-messages`), the location from the Brief's spans. So a newsroom's
own schema, written the same way, gives findings as precise as the shipped one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from checker.lang import fold
from checker.model import SECTION_LABELS, Brief, Paragraph, Section, SectionKind, Span

#: Possessive: nothing follows a word, so giving letters back never helps (same matches, faster).
_WORD = re.compile(r"[^\W_]++(?:['’\-][^\W_]++)*+")

#: Code for schema errors that carry no x-rule of their own.
GENERIC_CODE = "S100"


@dataclass(frozen=True)
class Violation:
    """A brief's breach of its schema, as a finding will report it."""

    code: str
    message: str
    span: Span
    section: str | None


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


@cache
def shipped_schema_path() -> Path:
    """The brief schema shipped with briefcheck (package data, or the repo's schemas/).
    Cached: every brief asks for its validator. The package's folder, not importlib.resources
    (8 ms of imports): briefcheck is installed as files, not zipped."""
    try:
        import checker.schemas  # a folder of data: schemas/ of the repository, mapped

        return Path(next(iter(checker.schemas.__path__))) / "brief.schema.json"
    except ModuleNotFoundError:  # running from a source checkout
        return Path(__file__).resolve().parent.parent / "schemas" / "brief.schema.json"


class SchemaError(Exception):
    """The configured schema cannot be used (unreadable, not JSON, not a valid schema)."""


#: A schema is a few KB (the shipped one 10 KB); a larger file is refused, as briefs are.
MAX_SCHEMA_BYTES = 1024 * 1024
#: Objects and arrays nested deeper than this are refused: the validators recurse through
#: them (900 nested `allOf` ended in a RecursionError). The shipped schema is 9 deep.
MAX_SCHEMA_DEPTH = 64
#: The keywords that point at another schema: only to a place inside the same file.
_REFERENCES = ("$ref", "$dynamicRef", "$recursiveRef")
#: The fields an x-messages template may name; no conversion, no format spec.
TEMPLATE_FIELDS = frozenset({"label", "count", "value", "limit"})


@cache
def _schema(path: Path) -> dict[str, Any]:
    """The schema at `path`, read once; a schema other than the shipped one is read as
    briefs are (a regular file, a size limit) and checked against the metaschema and
    `_check_user_schema` (the shipped one is checked by the tests: 20 ms a run)."""
    from checker.files import UnreadableFile, read_regular_file

    try:
        data = read_regular_file(path, MAX_SCHEMA_BYTES)
        if len(data) > MAX_SCHEMA_BYTES:
            raise UnreadableFile(f"larger than the {MAX_SCHEMA_BYTES // 1024} KB limit of a schema")
        schema = json.loads(data.decode("utf-8"))
    except (UnreadableFile, UnicodeDecodeError, ValueError) as exc:
        raise _unusable(path, exc) from None
    except RecursionError:
        raise _unusable(path, ValueError("nested too deeply")) from None
    if path != _resolved(None):
        from jsonschema import Draft202012Validator
        from jsonschema.exceptions import SchemaError as InvalidSchema

        try:
            _check_user_schema(schema)
            Draft202012Validator.check_schema(schema)
        except (InvalidSchema, ValueError) as exc:
            raise _unusable(path, exc) from None
        except RecursionError:
            raise _unusable(path, ValueError("nested too deeply")) from None
    return schema


def _check_user_schema(schema: Any) -> None:
    """Raise ValueError for what a schema from a checked tree may not do: nest deeper than
    MAX_SCHEMA_DEPTH, refer to anything outside its own file (`$ref` to a URL or a file:
    nothing here downloads or reads anything a schema names), use a `pattern` that the
    linear-time regex engine cannot run, or an x-messages template that formats more than
    the fields it is given. A walk with a stack, not recursion: depth is what is checked."""
    if not isinstance(schema, (dict, bool)):
        raise ValueError("a schema is a JSON object")
    stack: list[tuple[Any, str, int]] = [(schema, "", 0)]
    while stack:
        node, where, depth = stack.pop()
        if depth > MAX_SCHEMA_DEPTH:
            raise ValueError(f"nested too deeply (more than {MAX_SCHEMA_DEPTH} levels)")
        if isinstance(node, list):
            stack.extend((item, f"{where}/{i}", depth + 1) for i, item in enumerate(node))
            continue
        if not isinstance(node, dict):
            continue
        for key, value in node.items():
            here = f"{where}/{key}"
            if key in _REFERENCES and not (isinstance(value, str) and value.startswith("#")):
                raise ValueError(f"{key} {json.dumps(value)[:80]} at {here}: only references"
                                 " inside the schema file (\"#/...\") are allowed")
            if key == "pattern" and isinstance(value, str):
                _check_pattern(value, here)
            if key == "patternProperties" and isinstance(value, dict):
                for pattern in value:
                    _check_pattern(pattern, f"{here}/{pattern}")
            if key == "x-messages" and isinstance(value, dict):
                for keyword, template in value.items():
                    _check_template(template, f"{here}/{keyword}")
            stack.append((value, here, depth + 1))


def _check_pattern(pattern: str, where: str) -> None:
    """Patterns run on the brief's text, which a pull request controls: only what a regex
    engine without backtracking can run (no look-around, no back-reference)."""
    if _linear_pattern(pattern) is None:
        raise ValueError(f"pattern {json.dumps(pattern)[:80]} at {where} cannot be run in"
                         " linear time (look-arounds and back-references are not allowed)")


@cache
def _linear_pattern(pattern: str) -> Any:
    """A validator of `{"pattern": pattern}` on jsonschema-rs's linear-time regex engine
    (Rust's `regex`: no backtracking, so no catastrophic pattern), or None if that engine
    cannot run the pattern."""
    import jsonschema_rs

    try:
        return jsonschema_rs.Draft202012Validator(
            {"pattern": pattern}, pattern_options=jsonschema_rs.RegexOptions())
    except Exception:  # noqa: BLE001 - jsonschema-rs says the pattern is no regex it can run
        return None


def _check_template(template: Any, where: str) -> None:
    """A template names only TEMPLATE_FIELDS, with no conversion or format spec: a spec such
    as `{value:900000000}` would allocate gigabytes, an attribute or an index would read
    whatever the value holds."""
    import string

    if not isinstance(template, str):
        raise ValueError(f"x-messages template at {where} is not a string")
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise ValueError(f"x-messages template at {where}: {exc}") from None
    for _, field, spec, conversion in parts:
        if field is None:
            continue
        if field not in TEMPLATE_FIELDS or spec or conversion:
            shown = "{" + field + ("!" + conversion if conversion else "") + (
                ":" + spec if spec else "") + "}"
            raise ValueError(f"x-messages template at {where}: {shown[:40]} is not one of"
                             " {label}, {count}, {value}, {limit}")


def _unusable(path: Path, exc: Exception) -> SchemaError:
    reason = getattr(exc, "message", None) or str(exc)
    return SchemaError(f"{path}: cannot use schema: {reason.splitlines()[0]}")


def _refuse(uri: str) -> Any:
    """Every validator's way to fetch a schema it does not hold: nothing is fetched or read."""
    raise LookupError(f"{uri}: briefcheck does not fetch or read referenced schemas")


@cache
def _validator(path: Path) -> Any:
    """jsonschema's validator, the reference: it lists the errors when jsonschema-rs cannot
    validate the schema, and words those of constraints without an x-messages template.
    Its registry retrieves nothing (by default jsonschema fetches any URL a $ref names), and
    its `pattern` runs on the linear-time engine, as jsonschema-rs's does."""
    from jsonschema import Draft202012Validator
    from jsonschema.validators import extend
    from referencing import Registry

    validator = extend(Draft202012Validator, {"pattern": _pattern_keyword})
    return validator(_schema(path), registry=Registry(retrieve=_refuse))


def _pattern_keyword(validator: Any, pattern: str, instance: Any, schema: Any) -> Any:
    """jsonschema's `pattern` keyword on the linear-time engine (`_linear_pattern`)."""
    from jsonschema.exceptions import ValidationError

    if not validator.is_type(instance, "string"):
        return
    linear = _linear_pattern(pattern)
    if linear is not None and not linear.is_valid(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _quick_validator(path: Path) -> Any:
    """jsonschema-rs's validator of the same schema, or None where it cannot be used.

    Why: jsonschema costs 1.1 ms a brief and 39 ms of imports a run, jsonschema-rs 0.005 ms
    and 8 ms; it tells valid briefs from invalid ones and lists the errors of these
    (`schema_errors`). Not used for a schema with a remote $ref (jsonschema-rs would fetch
    it; nothing here downloads anything).
    """
    schema = _schema(path)
    if not _local_refs_only(schema):
        return None
    try:
        import jsonschema_rs
    except ImportError:  # an environment set up before it was a dependency: slower, same findings
        return None
    try:
        return jsonschema_rs.Draft202012Validator(
            schema, retriever=_refuse, pattern_options=jsonschema_rs.RegexOptions())
    except Exception:  # noqa: BLE001 - a schema it cannot compile: jsonschema alone then
        return None


def _local_refs_only(node: Any) -> bool:
    """Whether every reference in `node` is inside the file (the shipped schema's are; a
    user schema with others is refused by `_check_user_schema`). Every value is walked,
    a `$ref` key's own included (a property may be named "$ref")."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in _REFERENCES and not (isinstance(value, str) and value.startswith("#")):
                    return False
                stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return True


def load_schema(path: Path | None) -> dict[str, Any]:
    """The schema of `path` (the shipped schema when None), read and checked once.
    Raises SchemaError when it cannot be used."""
    return _schema(_resolved(path))


@cache
def _resolved(path: Path | None) -> Path:
    """Resolved once per process: every brief of a batch asks for its schema's validator."""
    return (path or shipped_schema_path()).resolve()


def _block(paragraph: Paragraph) -> dict[str, Any]:
    return {
        "text": paragraph.text,
        "words": count_words(paragraph.text),
        "sentences": len(paragraph.sentences),
    }


def _outline(brief: Brief) -> str:
    seen: set[SectionKind] = set()
    kinds = []
    for section in brief.sections:
        if section.kind == SectionKind.OTHER:
            continue
        if section.kind != SectionKind.BODY and section.kind in seen:
            continue
        seen.add(section.kind)
        kinds.append(section.kind.value + " ")
    return "".join(kinds)


#: The most sections of a brief the schema validates one by one (a brief has a handful): the
#: validator holds every error of a document of 400,000 empty sections (gigabytes), and a
#: report shows at most this many sections anyway (`checker.report.MAX_SECTIONS`). The
#: whole brief's word count still counts every section.
MAX_VALIDATED_SECTIONS = 1_000


def brief_document(brief: Brief) -> dict[str, Any]:
    """The brief's JSON form with derived metrics: what the schema validates. Past
    MAX_VALIDATED_SECTIONS sections, the others only add their words to the brief's."""
    sections = []
    words_after = sum(count_words(p.text) for section in brief.sections[MAX_VALIDATED_SECTIONS:]
                      for p in section.paragraphs)
    for section in brief.sections[:MAX_VALIDATED_SECTIONS]:
        blocks = [(p.bullet, _block(p)) for p in section.paragraphs]  # words counted once
        sections.append(
            {
                "id": section.id,
                "kind": section.kind.value,
                "heading": section.heading,
                "heading_words": count_words(section.heading or ""),
                "words": sum(block["words"] for _, block in blocks),
                "sentences": len(section.sentences),
                "bullets": [block for bullet, block in blocks if bullet],
                "paragraphs": [block for bullet, block in blocks if not bullet],
            }
        )
    shown = brief.sections[:MAX_VALIDATED_SECTIONS]
    return {
        "lang": brief.lang,
        "words": sum(s["words"] for s in sections) + words_after,
        "outline": _outline(brief),
        "body_headings": [fold(s.heading or "") for s in shown if s.kind == SectionKind.BODY],
        "sections": sections,
    }


def _resolve_local(root: Any, ref: str) -> Any:
    """The subschema a local reference ("#/$defs/section") points at, else None."""
    if not ref.startswith("#"):
        return None
    node = root
    for part in ref[1:].split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _annotation(schema: Any, error: Any, key: str) -> Any:
    """The deepest value of `key` (x-rule, x-messages) on the schema path of `error`."""
    found = None
    node = schema
    for part in error.schema_path:
        if isinstance(node, dict) and key in node:
            found = node[key]
        # jsonschema leaves "$ref" out of error paths: step through the reference.
        while isinstance(node, dict) and part not in node and "$ref" in node:
            node = _resolve_local(schema, node["$ref"])
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return found
    if isinstance(node, dict) and key in node:
        found = node[key]
    return found


def _where(brief: Brief, document: dict, path: list) -> tuple[Span, str | None, str]:
    """The span, section id and human label of a location in the brief's JSON form."""
    start = brief.sections[0].span if brief.sections else _empty_span(brief)
    if len(path) >= 2 and path[0] == "sections" and isinstance(path[1], int):
        section: Section = brief.sections[path[1]]
        span = section.heading_span or section.span
        label = SECTION_LABELS[section.kind]
        if section.kind in (SectionKind.BODY, SectionKind.OTHER) and section.heading:
            label = f'section "{section.heading}"'
        if len(path) >= 4 and path[2] in ("bullets", "paragraphs") and isinstance(path[3], int):
            blocks = [p for p in section.paragraphs if p.bullet == (path[2] == "bullets")]
            paragraph = blocks[path[3]]
            noun = "Key Point" if section.kind == SectionKind.KEY_POINTS else (
                "bullet" if paragraph.bullet else "paragraph"
            )
            label = f"{noun} {path[3] + 1}"
            if section.kind != SectionKind.KEY_POINTS:
                label += f" of {SECTION_LABELS[section.kind]}"
            return paragraph.span, section.id, label
        return span, section.id, label
    return start, None, "the brief"


def _empty_span(brief: Brief) -> Span:
    return Span(start=0, end=0, line=1, column=1, end_line=1, end_column=1)


def _message(error: Any, templates: Any, label: str) -> str:
    template = templates.get(error.validator) if isinstance(templates, dict) else None
    if not template:
        where = "/".join(str(p) for p in error.absolute_path)
        return f"{error.message} (at {where or 'top level'})"
    instance = error.instance
    count = len(instance) if isinstance(instance, (list, str)) else instance
    value = _shown(instance)
    message = template.format(label=label, count=count, value=value,
                              limit=_shown(error.validator_value))
    return _ONE_NOUN.sub(r"\1", message)


#: The most characters of a value a message shows (a paragraph can be megabytes long).
MAX_SHOWN = 200


def _shown(value: Any) -> Any:
    """A value as a message shows it: a long string or a container cut to MAX_SHOWN."""
    if isinstance(value, (str, list, dict)):
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)[:MAX_SHOWN + 1]
        return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"
    return value


#: "1 words" -> "1 word": templates say "{count} words"; this keeps the singular right.
_ONE_NOUN = re.compile(r"(?<![\d.])(1 (?:word|bullet|paragraph|sentence|line|section))s\b")


def _locate_duplicate_heading(brief: Brief) -> tuple[Span, str | None, str]:
    seen: set[str] = set()
    for section in brief.sections_of(SectionKind.BODY):
        key = fold(section.heading or "")
        if key in seen:
            span = section.heading_span or section.span
            return span, section.id, f'section "{section.heading}"'
        seen.add(key)
    return _where(brief, {}, [])


def _locate_misordered(brief: Brief) -> tuple[Span, str | None, str]:
    rank = {"title": 0, "key_points": 1, "summary": 2, "body": 3, "conclusion": 4}
    highest = -1
    for section in brief.sections:
        r = rank.get(section.kind.value)
        if r is None:
            continue
        if r < highest:
            return section.heading_span or section.span, section.id, section.label
        highest = max(highest, r)
    return _where(brief, {}, [])


@dataclass(frozen=True)
class DescribedError:
    """One way a document breaks a schema, found by jsonschema-rs and described as
    jsonschema describes it: the fields the findings are made of."""

    absolute_path: tuple
    schema_path: tuple
    #: The failing keyword ("maximum"; "contains" when too few items match, as jsonschema).
    validator: str
    validator_value: Any
    instance: Any
    #: The schema file, and the subschema that holds the keyword (for `message`).
    schema_file: Path
    subschema: Any
    quick_message: str

    @property
    def message(self) -> str:
        """jsonschema's wording of the error ("'fr' is not one of ['en']"): only the
        constraints of a schema without an x-messages template show it, so jsonschema is
        imported for those alone."""
        if isinstance(self.subschema, dict):
            for error in _validator(self.schema_file).descend(self.instance, self.subschema):
                if error.validator == self.validator and not error.path:
                    return error.message
        return self.quick_message


def schema_errors(path: Path, document: Any) -> list[Any]:
    """The errors of an invalid document, from jsonschema-rs when it can validate the schema
    (its errors, described as jsonschema would, are tested against jsonschema's on every
    sample), else from jsonschema.

    Why: jsonschema walks the whole document to list its errors, 1.7 s for a 5 MB brief with
    one error, and costs 39 ms to import; jsonschema-rs lists them in 11 ms.
    """
    quick = _quick_validator(path)
    if quick is None:
        return list(_validator(path).iter_errors(document))
    return [_described(path, error) for error in quick.iter_errors(document)]


def _described(path: Path, error: Any) -> DescribedError:
    """A jsonschema-rs error with jsonschema's keyword and keyword value."""
    schema_path = tuple(error.schema_path)
    keyword = str(schema_path[-1]) if schema_path else ""
    parent = _node(_schema(path), schema_path[:-1])
    value = parent.get(keyword) if isinstance(parent, dict) else None
    if keyword == "minContains":  # jsonschema reports too few matches as "contains"
        keyword, value = "contains", parent.get("contains")
    if keyword in ("minContains", "maxContains", "contains"):
        schema_path = (*schema_path[:-1], "contains")
    return DescribedError(
        absolute_path=tuple(error.instance_path),
        schema_path=schema_path,
        validator=keyword,
        validator_value=value,
        instance=error.instance,
        schema_file=path,
        subschema=parent,
        quick_message=error.message,
    )


def _node(schema: Any, path: tuple) -> Any:
    node = schema
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def validate_brief(brief: Brief, schema_path: Path | None = None) -> list[Violation]:
    """Every way the brief breaks the editorial schema, in document order. A schema whose
    references loop (`{"$ref": "#"}`) stops the run (SchemaError), as an invalid one does."""
    try:
        return _validate_brief(brief, schema_path)
    except RecursionError:
        raise _unusable(_resolved(schema_path), ValueError(
            "its references loop without end")) from None
    except Exception as exc:
        # A reference to nothing inside the file ("#/$defs/missing"): jsonschema finds out
        # only when a document reaches it (found by fuzzing, benchmarks/fuzz/).
        if not type(exc).__module__.startswith(("referencing", "jsonschema")) or isinstance(
                exc, SchemaError):
            raise
        reason = " ".join(str(exc).split())[:200]
        raise _unusable(_resolved(schema_path), ValueError(
            f"a reference cannot be resolved: {reason}")) from None


def _validate_brief(brief: Brief, schema_path: Path | None) -> list[Violation]:
    path = _resolved(schema_path)
    document = brief_document(brief)
    violations: list[tuple[tuple, Violation]] = []
    for message, span in brief.shape_errors:
        violations.append(((), Violation(GENERIC_CODE, message, span, None)))
    if len(brief.sections) > MAX_VALIDATED_SECTIONS:
        span, section_id, _ = _where(brief, {}, [])  # the start: kept whatever the report cap
        violations.append(((), Violation(
            GENERIC_CODE, f"the document has {len(brief.sections):,} sections (a brief has a"
            f" handful); only the first {MAX_VALIDATED_SECTIONS:,} are checked against the"
            " schema one by one", span, section_id)))
    quick = _quick_validator(path)
    if quick is not None and quick.is_valid(document):
        return sorted((v for _, v in violations), key=lambda v: (v.span.start, v.code))
    schema = _schema(path)
    for error in schema_errors(path, document):
        path = list(error.absolute_path)
        rule = _annotation(schema, error, "x-rule")
        if isinstance(rule, dict):
            rule = rule.get(error.validator)
        code = rule if isinstance(rule, str) else GENERIC_CODE
        if path[:1] == ["body_headings"]:
            span, section, label = _locate_duplicate_heading(brief)
        elif path[:1] == ["outline"]:
            span, section, label = _locate_misordered(brief)
        else:
            span, section, label = _where(brief, document, path)
        message = _message(error, _annotation(schema, error, "x-messages"), label)
        violations.append((tuple(path), Violation(code, message, span, section)))
    # An empty section is reported once, not again as too few bullets or paragraphs.
    empty = {path[:2] for path, v in violations if v.code == "S111"}
    kept = [
        v
        for path, v in violations
        if v.code == "S111" or path[:2] not in empty or len(path) < 2
    ]
    return sorted(kept, key=lambda v: (v.span.start, v.code))
