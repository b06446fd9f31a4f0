"""A read-only Datasette server over a snapshot of the analyst's database.

Datasette runs as a child process in immutable mode (`-i`) on a snapshot copy in a private
temporary folder, so that the analyst's file is never locked or changed by it. It listens on
loopback unless the caller asks for another address, which then needs a password: checked by
the datasette-auth-passwords plugin (HTTP Basic authentication on every request).
"""

from __future__ import annotations

import atexit
import base64
import importlib.util
import ipaddress
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.dates import today_iso
from desktop_app.publish.metadata import Publication, datasette_metadata
from desktop_app.publish.snapshot import write_snapshot

LOOPBACK = "127.0.0.1"
#: the user name a reader types with the password of a server on the network
READER = "reader"
#: the argument of our entry point that makes the process Datasette's child (run_datasette)
DATASETTE_CHILD = "--run-datasette"
_HASH_VARIABLE = "COMMITMENT_TRACKER_SHARE_PASSWORD_HASH"
_FOLDER_VARIABLE = "COMMITMENT_TRACKER_SHARE_FOLDER"  # where the snapshot is, for the child
_FOLDER_PREFIX = "commitment-tracker-share-"
#: a canned query over a large file works out every status: give it more than Datasette's 1 s
SQL_TIME_LIMIT_MS = 10_000
INSTALL_HINT = (
    "Sharing needs Datasette, which is not installed: "
    "pip install 'commitment-tracker[share]' and try again."
)


class ShareError(Exception):
    """Why the server could not start, in one sentence for the user."""


class ShareCancelled(Exception):
    """The user cancelled while the server was starting; nothing is left running."""


@dataclass(frozen=True)
class ServeOptions:
    host: str = LOOPBACK
    port: int | None = None  # None: a free one
    password: str | None = None  # required when host is not loopback
    publication: Publication | None = None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_wildcard(host: str) -> bool:
    return host in ("0.0.0.0", "::", "")


def free_port(host: str = LOOPBACK) -> int:
    """A port nobody listens on now (the OS picks it; another program could take it before
    Datasette does, which then fails to start and says so)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def network_address() -> str:
    """This computer's address on its network, for the link others open (no packet is sent:
    connecting a UDP socket only picks the route)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere real
            return probe.getsockname()[0]
        except OSError:
            return socket.gethostname()


def datasette_available() -> bool:
    return importlib.util.find_spec("datasette") is not None


def datasette_command(arguments: list[str]) -> list[str]:
    """Datasette's command line started through our entry point (run_datasette), not as
    `python -m datasette`: the frozen app has no `-m`, and the child must watch its parent."""
    if getattr(sys, "frozen", False):
        return [sys.executable, DATASETTE_CHILD, *arguments]
    return [sys.executable, "-m", "desktop_app", DATASETTE_CHILD, *arguments]


def _child_environment() -> dict[str, str]:
    """The environment of the child: ours, with this copy of desktop_app found first (run from
    a source folder, the child would otherwise import whichever copy is installed)."""
    root = str(Path(__file__).resolve().parent.parent.parent)
    paths = [root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def _exit_with_parent() -> None:
    """End this process once the app that started it is gone, even killed (no atexit then):
    Datasette would otherwise serve on with nobody left to stop it. The parent's death shows
    as a new parent process id (Linux and macOS); a thread of the child watches for it."""
    parent = os.getppid()
    folder = Path(os.environ.get(_FOLDER_VARIABLE, ""))

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        if folder.name.startswith(_FOLDER_PREFIX):  # the snapshot the parent cannot remove
            shutil.rmtree(folder, ignore_errors=True)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def run_datasette(arguments: list[str]) -> int:
    """Datasette's command line in this process (the server's child). Its auth plugin is
    registered by hand, as a frozen app may not expose the plugin's entry point."""
    _exit_with_parent()
    import datasette_auth_passwords
    from datasette.cli import cli
    from datasette.plugins import pm

    if not pm.is_registered(datasette_auth_passwords):
        pm.register(datasette_auth_passwords, "datasette-auth-passwords")
    return cli.main(args=arguments, prog_name="datasette", standalone_mode=True)


def _url_host(host: str) -> str:
    shown = network_address() if _is_wildcard(host) else host
    return f"[{shown}]" if ":" in shown else shown


def database_name(database: str | Path) -> str:
    """The name the database has in the server's addresses: its file name, without the
    characters an address would have to escape."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", Path(database).stem).strip("-") or "commitments"


class ReadOnlyServer:
    """Datasette serving a snapshot of one database file; start() returns its address."""

    def __init__(self, database: str | Path, options: ServeOptions | None = None) -> None:
        self.database = Path(database)
        self.options = options or ServeOptions()
        self.name = database_name(self.database)
        self.url: str | None = None
        self.snapshot: Path | None = None
        self.day = today_iso()  # the day the copy was made: its statuses stand on it
        self._process: subprocess.Popen | None = None
        self._folder: Path | None = None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, report: Callable[[int, int], bool] | None = None, timeout: float = 30) -> str:
        """Take the snapshot, start Datasette and wait until it answers; return its address.

        report(done, total) is told of each step; when it returns False the start stops
        (ShareCancelled) and nothing is left behind. ShareError says why it could not start.
        """
        step = report or (lambda _done, _total: True)
        self._refuse_unsafe_host()
        if not datasette_available():
            raise ShareError(INSTALL_HINT)
        self._folder = Path(tempfile.mkdtemp(prefix=_FOLDER_PREFIX))
        self.day = today_iso()
        try:
            copy = self._folder / f"{self.name}.db"
            self.snapshot = write_snapshot(self.database, copy, self.day)
            if not step(1, 3):
                raise ShareCancelled()
            port = self.options.port or free_port(self._probe_host())
            self._launch(port)
            self._wait_until_answering(port, timeout, step)
            if not step(3, 3):  # cancelled (the app closing) while Datasette came up
                raise ShareCancelled()
        except BaseException:
            self.stop()
            raise
        self.url = f"http://{_url_host(self.options.host)}:{port}/"
        return self.url

    def _refuse_unsafe_host(self) -> None:
        if not is_loopback(self.options.host) and not self.options.password:
            raise ShareError(
                f"Listening on {self.options.host or 'every address'} lets other computers "
                "read the data: give a password for them to type."
            )

    def _probe_host(self) -> str:
        return LOOPBACK if _is_wildcard(self.options.host) else self.options.host

    def _launch(self, port: int) -> None:
        assert self._folder is not None and self.snapshot is not None
        publication = self.options.publication or Publication(title=self.database.stem)
        metadata = datasette_metadata(self.name, publication, self.day)
        environment = _child_environment() | {_FOLDER_VARIABLE: str(self._folder)}
        if self.options.password:
            from datasette_auth_passwords.utils import hash_password

            environment[_HASH_VARIABLE] = hash_password(self.options.password)
            metadata["plugins"] = {
                "datasette-auth-passwords": {
                    f"{READER}_password_hash": {"$env": _HASH_VARIABLE},
                    "http_basic_auth": True,
                }
            }
        metadata_file = self._folder / "metadata.json"
        metadata_file.write_text(json.dumps(metadata, indent=2), encoding="utf-8")
        arguments = ["serve", "-i", str(self.snapshot), "--metadata", str(metadata_file)]
        arguments += ["--host", self.options.host, "--port", str(port)]
        arguments += ["--setting", "sql_time_limit_ms", str(SQL_TIME_LIMIT_MS)]
        # suggestions try a facet on every column of a page: 1.5 s for a table of 100,000
        arguments += ["--setting", "suggest_facets", "off"]
        log = (self._folder / "datasette.log").open("wb")
        try:
            # its own session: Ctrl+C in a terminal reaches us, and we stop it in order
            self._process = subprocess.Popen(
                datasette_command(arguments),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=environment,
                start_new_session=True,
            )
        finally:
            log.close()
        # whatever way this process ends short of being killed, Datasette ends with it
        atexit.register(self.stop)

    def _wait_until_answering(self, port: int, timeout: float, step) -> None:
        address = f"http://{_url_host(self._probe_host())}:{port}/-/versions.json"
        request = urllib.request.Request(address, headers=self.auth_headers())
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running:
                raise ShareError(f"The server could not start: {self._last_log_line()}")
            try:
                with urllib.request.urlopen(request, timeout=2):
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if not step(2, 3):
                raise ShareCancelled()
            time.sleep(0.1)
        raise ShareError(f"The server did not answer within {timeout:.0f} seconds.")

    def auth_headers(self) -> dict[str, str]:
        """The header a reader's browser sends once the password is typed (for probes)."""
        if not self.options.password:
            return {}
        token = base64.b64encode(f"{READER}:{self.options.password}".encode()).decode()
        return {"Authorization": f"Basic {token}"}

    def _last_log_line(self) -> str:
        assert self._folder is not None
        lines = (self._folder / "datasette.log").read_text(errors="replace").strip().splitlines()
        return lines[-1] if lines else "it ended without a word"

    def wait(self) -> int:
        """Block until the server ends; its exit code."""
        assert self._process is not None
        return self._process.wait()

    def stop(self) -> None:
        """Stop the server (if it runs) and remove the snapshot; safe to call twice."""
        process, self._process = self._process, None
        atexit.unregister(self.stop)
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
        self.url = None
