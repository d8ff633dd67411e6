"""Meta-tests that keep the structure honest: public API, CLI help, language tables."""
from __future__ import annotations

import importlib
import pkgutil

import pytest
from click.testing import CliRunner

import annales
from annales.cli import cli
from annales.lang import LANG_DIR, SCHEMAS, load_table


def test_public_api_is_what_all_says():
    for name in annales.__all__:
        assert hasattr(annales, name), name


def _commands():
    return sorted(cli.commands)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output and len(result.output.splitlines()) > 4


def _import_everything():
    for module in pkgutil.walk_packages(annales.__path__, "annales."):
        if module.name.endswith("__main__"):
            continue
        importlib.import_module(module.name)


def _tables():
    return sorted(f"{p.parent.name}/{p.stem}" for p in LANG_DIR.glob("*/*.yaml"))


@pytest.mark.parametrize("table", _tables())
def test_every_language_table_has_a_schema_and_validates(table):
    _import_everything()  # modules register their tables' schemas when imported
    lang, name = table.split("/")
    assert name in SCHEMAS, f"no schema registered for {table}.yaml: decorate a pydantic model with @table_schema"
    load_table.cache_clear()
    load_table(name, lang)  # raises LanguageDataError when the table does not match
