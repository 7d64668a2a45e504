"""Every command line and setting is documented in the README (datasette-style doc tests)."""
import re
from pathlib import Path

from graph.__main__ import main as graph_main  # noqa: F401  (the CLI module must import)

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_graph_and_nlp_subcommand_is_in_the_readme():
    for module in ("graph", "nlp", "access"):
        source = (ROOT / module / "__main__.py").read_text(encoding="utf-8")
        for command in re.findall(r'add_parser\("([a-z-]+)"', source):
            assert f"python -m {module} {command}" in README, f"python -m {module} {command}"


def test_every_ingest_option_is_in_the_readme():
    source = (ROOT / "ingest" / "__main__.py").read_text(encoding="utf-8")
    assert "python -m ingest PATH..." in README
    for option in re.findall(r'add_argument\("(--[a-z-]+)"', source):
        assert option in README, option


def test_every_environment_setting_is_in_the_readme():
    source = "".join(p.read_text(encoding="utf-8") for folder in ("graph", "ingest", "dashboard", "access")
                     for p in (ROOT / folder).glob("*.py"))
    internal = {"NEO4J_HOME", "NEO4J_CONF"}  # passed by graph/server.py to Neo4j's own admin tool
    for name in set(re.findall(r'"((?:PKG|NEO4J)_[A-Z_]+)"', source)) - internal:
        assert name in README, name


def test_the_readme_starts_with_the_two_commands():
    first_block = README.split("```")[1]
    assert "make main" in first_block and "make test" in first_block
    assert "make test" in (ROOT / ".ci" / "run").read_text()
