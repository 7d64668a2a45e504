"""The project's own Neo4j server: settings, secrets and clear errors."""
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from graph import connection
from graph.server import LocalServer

ROOT = Path(__file__).resolve().parent.parent


def test_missing_java_is_one_clear_line(tmp_path):
    env = {**os.environ, "PATH": str(tmp_path), "PKG_NEO4J_HOME": str(tmp_path / "home")}
    env.pop("NEO4J_URI", None)
    out = subprocess.run([sys.executable, "-m", "graph", "server", "start"], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    assert out.returncode == 1
    assert out.stderr.strip().count("\n") == 0 and "`java` not found" in out.stderr and "install" in out.stderr


def test_settings_come_from_neo4j_variables_and_never_show_the_password():
    settings = connection.settings_from_env({"NEO4J_URI": "neo4j+s://example.invalid", "NEO4J_USERNAME": "u",
                                             "NEO4J_PASSWORD": "s3cret", "NEO4J_DATABASE": "cases"})
    assert (settings.uri, settings.username, settings.database, settings.local) == (
        "neo4j+s://example.invalid", "u", "cases", False)
    assert "s3cret" not in settings.describe()
    with pytest.raises(RuntimeError, match="NEO4J_PASSWORD"):
        connection.settings_from_env({"NEO4J_URI": "bolt://x"})


@pytest.mark.neo4j
def test_local_server_is_loopback_only_with_auth_and_a_private_password(neo4j_session_driver):
    local = LocalServer.from_env()
    if os.environ.get("NEO4J_URI"):
        pytest.skip("an external server is configured")
    conf = (local.conf_dir / "neo4j.conf").read_text()
    assert "server.default_listen_address=127.0.0.1" in conf
    assert f"server.bolt.listen_address=127.0.0.1:{local.port}" in conf
    assert "dbms.security.auth_enabled=true" in conf and "server.http.enabled=false" in conf
    assert stat.S_IMODE(local.password_file.stat().st_mode) == 0o600
    status = local.status()
    assert status["running"] and status["bolt_answers"] and status["rss_mb"] > 0
    out = subprocess.run([sys.executable, "-m", "graph", "server", "status"], cwd=ROOT, capture_output=True,
                         text=True)
    assert out.returncode == 0 and local.password() not in out.stdout


def test_git_ignores_the_server_home_and_its_secrets():
    ignored = (ROOT / ".gitignore").read_text().split()
    assert ".neo4j/" in ignored and ".env" in ignored


def test_tests_never_run_on_the_server_make_main_fills():
    """Tests empty their database: they get a server of their own, not .neo4j/ on port 7687."""
    server = LocalServer.from_env()
    assert server.home != (Path(__file__).resolve().parent.parent / ".neo4j").resolve()
    assert server.port != 7687
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text()
    test_recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "$(TEST_NEO4J) $(PY) -m pytest" in test_recipe and " server\n" not in test_recipe.split("\n", 1)[0] + "\n"
