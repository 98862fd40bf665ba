"""Config files: discovery, validation that names the bad key, command-line overrides."""

from __future__ import annotations

import re

import pytest

from checker.config import Config, ConfigError, discover, load_config
from checker.report import Severity
from conftest import SAMPLES


def test_defaults():
    config = Config()
    assert config.select == ("ALL",)
    assert config.fail_on == "error"


def test_briefcheck_toml_is_found_walking_up(tmp_path):
    (tmp_path / ".briefcheck.toml").write_text('ignore = ["C211"]\n')
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert discover(nested) == tmp_path / ".briefcheck.toml"
    assert load_config(start=nested).ignore == ("C211",)


def test_pyproject_counts_only_with_a_briefcheck_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.other]\nx = 1\n")
    assert discover(tmp_path) is None or discover(tmp_path).parent != tmp_path
    (tmp_path / "pyproject.toml").write_text('[tool.briefcheck]\nselect = "S1, C2"\n')
    assert discover(tmp_path) == tmp_path / "pyproject.toml"
    assert load_config(tmp_path / "pyproject.toml").select == ("S1", "C2")


def test_unknown_key_names_the_key(tmp_path):
    path = tmp_path / ".briefcheck.toml"
    path.write_text('selct = ["S1"]\n')
    with pytest.raises(ConfigError, match=r"invalid config key 'selct': unknown key"):
        load_config(path)


def test_bad_value_names_the_key_and_reason(tmp_path):
    path = tmp_path / ".briefcheck.toml"
    path.write_text('fail_on = "sometimes"\n')
    with pytest.raises(ConfigError, match=r"invalid config key 'fail_on'"):
        load_config(path)


@pytest.mark.parametrize("text, key", [
    ("[redundancy]\nparaphrase = 1.5\n", "redundancy.paraphrase"),
    ("[redundancy]\nparaphrse = 0.5\n", "redundancy.paraphrse"),
    ('[redundancy]\nexpected = { body = ["intro"] }\n', "redundancy.expected.body.0"),
    ('lang = "de"\n', "lang"),
    ("select = 3\n", "select"),
])
def test_bad_nested_value_names_the_full_key(tmp_path, text, key):
    path = tmp_path / ".briefcheck.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=rf"invalid config key '{re.escape(key)}': "):
        load_config(path)


def test_codes_and_severities_are_normalised_from_a_file_and_from_python(tmp_path):
    path = tmp_path / ".briefcheck.toml"
    path.write_text('select = "s1, c2"\nignore = [" r3 "]\nseverity = { C211 = "error" }\n')
    from_file = load_config(path)
    from_python = Config(select="s1, c2", ignore=[" r3 "], severity={"C211": "error"})
    for config in (from_file, from_python):
        assert (config.select, config.ignore) == (("S1", "C2"), ("R3",))
        assert config.severity == {"C211": Severity.ERROR}


def test_invalid_toml_is_a_config_error(tmp_path):
    path = tmp_path / ".briefcheck.toml"
    path.write_text("select = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(path)


def test_schema_path_is_relative_to_the_config_file(tmp_path):
    path = tmp_path / ".briefcheck.toml"
    path.write_text('schema = "schemas/ours.json"\n')
    assert load_config(path).schema_path == tmp_path / "schemas" / "ours.json"


def test_command_line_overrides_file_values(tmp_path):
    path = tmp_path / ".briefcheck.toml"
    path.write_text('fail_on = "warning"\nlang = "fr"\n')
    config = load_config(path).with_overrides(fail_on="never", lang=None)
    assert (config.fail_on, config.lang) == ("never", "fr")


def test_invalid_config_is_exit_2_with_one_line(run_cli, tmp_path):
    path = tmp_path / ".briefcheck.toml"
    path.write_text('severity = { S101 = "fatal" }\n')
    result = run_cli("--config", path, SAMPLES / "paris-summit.fr.txt")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "invalid config key 'severity.S101'" in result.stderr


def test_severity_override_changes_findings_and_exit_code(run_cli, tmp_path):
    path = tmp_path / ".briefcheck.toml"
    path.write_text('severity = { S104 = "warning" }\n')
    sample = SAMPLES / "structure" / "s104-key-points-count.en.txt"
    result = run_cli("--config", path, sample)
    assert "S104 warning" in result.stdout
    assert result.exit_code == 0
