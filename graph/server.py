"""The project's own local Neo4j Community 5.26 LTS server.

``python -m graph server start`` resolves the server jars from Maven Central with
Maven (``graph/server/pom.xml``, jars copied into the git-ignored home folder),
writes ``neo4j.conf`` (Bolt on 127.0.0.1 only, HTTP off, authentication on),
generates the password once (kept in ``<home>/password``, mode 0600), starts
``org.neo4j.server.CommunityEntryPoint`` and waits until Bolt answers.

Settings (all optional): ``PKG_NEO4J_HOME`` (default ``.neo4j`` in the repository),
``PKG_NEO4J_BOLT_PORT`` (7687), ``PKG_NEO4J_HEAP`` (2g), ``PKG_NEO4J_PAGECACHE`` (1g).
"""
from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
POM = Path(__file__).resolve().parent / "server" / "pom.xml"
NEO4J_VERSION = "5.26.30"  # keep equal to <neo4j.version> in graph/server/pom.xml
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
JVM_OPTIONS = (
    "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-XX:+DisableExplicitGC",
    "-XX:+UnlockExperimentalVMOptions", "-XX:+TrustFinalNonStaticFields",
    "-Djdk.nio.maxCachedBufferSize=1024", "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)


class ServerError(RuntimeError):
    pass


def use_test_server(env: dict | None = None) -> None:
    """Point this process (and the commands it starts) at the server tests and benchmarks use: they empty
    their database, so never the one ``make main`` fills. Home ``.neo4j-test`` and port 7688 unless
    ``PKG_NEO4J_TEST_HOME`` / ``PKG_NEO4J_TEST_BOLT_PORT`` say otherwise."""
    env = os.environ if env is None else env
    env["PKG_NEO4J_HOME"] = env.get("PKG_NEO4J_TEST_HOME") or str(REPO_ROOT / ".neo4j-test")
    env["PKG_NEO4J_BOLT_PORT"] = env.get("PKG_NEO4J_TEST_BOLT_PORT") or "7688"


@dataclass
class LocalServer:
    home: Path
    port: int = 7687
    heap: str = "2g"
    pagecache: str = "1g"

    @classmethod
    def from_env(cls, env: dict | None = None) -> "LocalServer":
        env = os.environ if env is None else env
        return cls(home=Path(env.get("PKG_NEO4J_HOME") or REPO_ROOT / ".neo4j").resolve(),
                   port=int(env.get("PKG_NEO4J_BOLT_PORT") or 7687),
                   heap=env.get("PKG_NEO4J_HEAP") or "2g",
                   pagecache=env.get("PKG_NEO4J_PAGECACHE") or "1g")

    # -- paths ---------------------------------------------------------------------------
    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    lib = property(lambda self: self.home / "lib")
    conf_dir = property(lambda self: self.home / "conf")
    data_dir = property(lambda self: self.home / "data")
    logs_dir = property(lambda self: self.home / "logs")
    pid_file = property(lambda self: self.home / "neo4j.pid")
    password_file = property(lambda self: self.home / "password")

    def password(self) -> str:
        try:
            return self.password_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            raise ServerError(f"no local Neo4j password at {self.password_file}: run "
                              "`python -m graph server start` first, or set NEO4J_URI") from None

    # -- state ---------------------------------------------------------------------------
    def pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except FileNotFoundError:
            return None
        return pid if ENTRY_POINT in cmdline and str(self.home) in cmdline else None

    def bolt_answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def status(self) -> dict:
        pid = self.pid()
        rss_mb = None
        if pid:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    rss_mb = int(line.split()[1]) // 1024
        return {"running": pid is not None, "pid": pid, "uri": self.uri, "home": str(self.home),
                "bolt_answers": self.bolt_answers() if pid else False, "rss_mb": rss_mb,
                "version": NEO4J_VERSION}

    # -- lifecycle -----------------------------------------------------------------------
    def ensure_running(self, timeout: float = 180.0) -> None:
        if not self.pid():
            self.start(timeout=timeout)

    def start(self, timeout: float = 180.0) -> float:
        """Start the server if needed; return seconds until Bolt answered (0 if already up)."""
        if self.pid():
            return 0.0
        java = _require("java", "install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless)")
        self.home.mkdir(parents=True, exist_ok=True)
        os.chmod(self.home, 0o700)
        self._resolve_jars()
        self._write_config()
        self._set_initial_password(java)
        if self.bolt_answers():
            raise ServerError(f"port {self.port} on 127.0.0.1 is taken by another process: stop it or set "
                              "PKG_NEO4J_BOLT_PORT (for tests and benchmarks: PKG_NEO4J_TEST_BOLT_PORT)")
        self.logs_dir.mkdir(exist_ok=True)
        console = open(self.logs_dir / "console.log", "ab")
        command = [java, f"-Xms{self.heap}", f"-Xmx{self.heap}", *JVM_OPTIONS,
                   "-cp", f"{self.lib}/*", ENTRY_POINT, f"--home-dir={self.home}", f"--config-dir={self.conf_dir}"]
        began = time.monotonic()
        process = subprocess.Popen(command, stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True, cwd=self.home)
        self.pid_file.write_text(str(process.pid))
        self._wait_for_bolt(process, timeout)
        return time.monotonic() - began

    def stop(self, timeout: float = 60.0) -> bool:
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.2)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        return True

    # -- steps ---------------------------------------------------------------------------
    def _resolve_jars(self) -> None:
        marker = self.lib / f".neo4j-{NEO4J_VERSION}"
        if marker.exists():
            return
        mvn = _require("mvn", "install Apache Maven (Debian: apt-get install maven)")
        shutil.rmtree(self.lib, ignore_errors=True)
        result = subprocess.run([mvn, "-q", "-B", "-f", str(POM), "dependency:copy-dependencies",
                                 f"-DoutputDirectory={self.lib}", "-DincludeScope=runtime"],
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise ServerError("Maven could not resolve Neo4j from Maven Central:\n"
                              + (result.stdout + result.stderr)[-2000:])
        marker.touch()

    def _write_config(self) -> None:
        self.conf_dir.mkdir(exist_ok=True)
        (self.conf_dir / "neo4j.conf").write_text("\n".join((
            "# Written by graph/server.py on every start: edit that file, not this one.",
            "server.default_listen_address=127.0.0.1",
            f"server.bolt.listen_address=127.0.0.1:{self.port}",
            "server.bolt.enabled=true",
            "server.bolt.tls_level=DISABLED",
            "server.http.enabled=false",
            "server.https.enabled=false",
            "dbms.security.auth_enabled=true",
            f"server.directories.data={self.data_dir}",
            f"server.directories.logs={self.logs_dir}",
            f"server.memory.pagecache.size={self.pagecache}",
            "dbms.memory.transaction.total.max=0",
            "db.tx_log.rotation.retention_policy=2 files",
            "dbms.usage_report.enabled=false",
            "",
        )), encoding="utf-8")

    def _set_initial_password(self, java: str) -> None:
        if (self.data_dir / "dbms" / "auth.ini").exists() and self.password_file.exists():
            return
        password = secrets.token_urlsafe(24)
        fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(password + "\n")
        env = {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.conf_dir)}
        (self.data_dir / "dbms" / "auth.ini").unlink(missing_ok=True)
        result = subprocess.run([java, "-cp", f"{self.lib}/*", ADMIN_TOOL, "dbms", "set-initial-password",
                                 password], env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise ServerError("could not set the initial password: " + (result.stdout + result.stderr)[-1000:])

    def _wait_for_bolt(self, process: subprocess.Popen, timeout: float) -> None:
        import neo4j  # imported here so that `server status` works without the driver

        deadline = time.monotonic() + timeout
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise ServerError(f"Neo4j exited with code {process.returncode}; see "
                                  f"{self.logs_dir / 'console.log'} and {self.logs_dir / 'neo4j.log'}")
            if self.bolt_answers():
                try:
                    with neo4j.GraphDatabase.driver(self.uri, auth=("neo4j", self.password())) as driver:
                        driver.verify_connectivity()
                        driver.execute_query("RETURN 1", database_="neo4j")
                    return
                except Exception as error:  # still starting: database not yet available
                    last_error = error
            time.sleep(0.25)
        raise ServerError(f"Neo4j did not answer on {self.uri} within {timeout:.0f}s (last error: {last_error})")


def _require(program: str, advice: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise ServerError(f"`{program}` not found: {advice}")
    return path


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie child of ours counts as gone
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except FileNotFoundError:
        return False
