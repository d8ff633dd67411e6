"""Every example command of README.md's code blocks, run on the bundled examples: each must
succeed and return something (an example that prints nothing teaches a new user nothing)."""
from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from annales.cli import main

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
EXAMPLES = ROOT / "examples" / "seeds"


def code_blocks(markdown: str) -> list[tuple[str, str]]:
    """(language, text) of each fenced block and each indented block (language '')."""
    blocks = [(m.group(1), m.group(2)) for m in re.finditer(r"^```(\w*)\n(.*?)^```", markdown, re.S | re.M)]
    unfenced = re.sub(r"^```.*?^```", "", markdown, flags=re.S | re.M)
    for m in re.finditer(r"(?:^\n)((?:^(?: {4}|\t).*\n?|^\n)+)", unfenced, re.M):
        blocks.append(("", "\n".join(line[4:] for line in m.group(1).splitlines())))
    return blocks


def readme_commands() -> list[list[str]]:
    """Each `annales ...` line of the README's code blocks, as arguments (comments dropped)."""
    commands = []
    for _, text in code_blocks(README.read_text(encoding="utf-8")):
        for line in text.splitlines():
            if line.startswith("annales "):
                commands.append(shlex.split(line, comments=True)[1:])
    return commands


def _serves(args: list[str]) -> bool:
    """`annales serve` runs until stopped: tests/web starts it and drives it, this test does not."""
    return "serve" in args


COMMANDS = [c for c in readme_commands() if not _serves(c)]


def test_the_readme_has_example_commands():
    names = {c[0] for c in COMMANDS}
    assert {"run", "documents", "timeline", "events", "export", "failures"} <= names, names


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A folder with the README's examples/ in it, where `annales run` on them wrote annales.db."""
    folder = tmp_path_factory.mktemp("readme")
    (folder / "examples").mkdir()
    (folder / "examples" / "seeds").symlink_to(EXAMPLES, target_is_directory=True)
    return folder


def _concrete(args: list[str], out: Path) -> list[str]:
    """PATH... becomes the bundled examples, OUT a fresh folder."""
    return [str(EXAMPLES) if a in ("PATH...", "PATH") else str(out) if a == "OUT" else a for a in args]


def test_every_readme_command_returns_something(workdir, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(workdir)
    monkeypatch.delenv("ANNALES_DB", raising=False)
    runs = [c for c in COMMANDS if c[0] == "run" and "--reanalyse" not in c]
    others = [c for c in COMMANDS if c not in runs]
    for args in runs + others:  # the database first, then what reads it
        out = tmp_path / f"out-{len(list(tmp_path.iterdir()))}"
        code = main(_concrete(args, out))
        captured = capsys.readouterr()
        assert code == 0, f"annales {' '.join(args)} exited {code}: {captured.err}"
        if args[0] == "export":
            written = list(out.iterdir())
            assert written and all(p.stat().st_size > 0 for p in written), f"annales {' '.join(args)} wrote nothing"
        elif args[0] == "failures":
            assert captured.err.strip(), "annales failures said nothing"  # '0 failures' on the examples
        else:
            assert len(captured.out.strip().splitlines()) > (0 if args[0] == "run" else 2), (
                f"annales {' '.join(args)} returned nothing on the examples:\n{captured.out}{captured.err}")
    assert (workdir / "annales.db").exists()


def test_the_notebook_example_runs(workdir, capsys, monkeypatch):
    """The README's python block, in the folder where the CLI wrote annales.db."""
    monkeypatch.chdir(workdir)
    if not (workdir / "annales.db").exists():
        assert main(["--quiet", "run", str(EXAMPLES)]) == 0
    pytest.importorskip("pandas")
    [source] = [text for lang, text in code_blocks(README.read_text(encoding="utf-8")) if lang == "python"]
    namespace: dict = {}
    exec(compile(source, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    assert namespace["result"].happenings and namespace["one"].events
    assert len(namespace["result"].to_frame()) == len(namespace["result"].happenings)


def test_the_readme_documents_the_environment_variables():
    text = README.read_text(encoding="utf-8")
    for name in ("ANNALES_DB", "ANNALES_MODEL", "ANNALES_WORKERS"):
        assert name in text, name
    assert os.path.exists(ROOT / ".gitignore") and "demo.db" in (ROOT / ".gitignore").read_text()
