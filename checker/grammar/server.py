"""Where LanguageTool comes from: a server URL, a local install, or nowhere.

In order: ``url`` in ``[tool.checker.languagetool]``, the ``CHECKER_LANGUAGETOOL_URL``
environment variable, then a local LanguageTool that language-tool-python finds
already installed (``$LTP_PATH``) when Java is on the ``PATH``; it is started on a
free loopback port and stopped when the checker exits.  Nothing is ever downloaded:
without any of these the grammar rules are reported as not run, with the reason.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from checker.options import LanguageToolOptions

if TYPE_CHECKING:
    import subprocess

    from checker.grammar.client import LanguageToolClient

ENV_URL = "CHECKER_LANGUAGETOOL_URL"
HOW_TO_ENABLE = (
    "set url in [tool.checker.languagetool] or the CHECKER_LANGUAGETOOL_URL environment "
    "variable to a LanguageTool server (such as http://localhost:8081), or install Java "
    "and LanguageTool where language-tool-python finds it ($LTP_PATH)"
)
START_SECONDS = 90.0


@dataclass(frozen=True, slots=True)
class Located:
    client: LanguageToolClient | None
    origin: str  # config, environment, local; "" when not found
    reason: str = ""  # why there is none


def locate(options: LanguageToolOptions) -> Located:
    from_env = os.environ.get(ENV_URL, "").strip()
    if options.url or from_env:
        from checker.grammar.client import LanguageToolClient  # only when there is a server

        if options.url:
            return Located(LanguageToolClient(options.url, options.timeout), "config")
        return Located(LanguageToolClient(from_env, options.timeout), "environment")
    if not options.local:
        return Located(None, "", "no LanguageTool server is configured and local start is off")
    return _start_local(options)


#: Where language-tool-python keeps the LanguageTool versions it downloaded (its
#: documented ``LTP_PATH``, else this folder).
LTP_PATH = "LTP_PATH"


def _download_folder() -> Path:
    return Path(os.environ.get(LTP_PATH) or Path.home() / ".cache" / "language_tool_python")


def _local_install():  # type: ignore[no-untyped-def]
    """language-tool-python's latest installed LanguageTool, or None (never downloads).

    With nothing in its download folder there is nothing to find: the library (a tenth of
    a second to import) is not asked.
    """
    folder = _download_folder()
    try:
        if not folder.is_dir() or next(folder.iterdir(), None) is None:
            return None
    except OSError:
        return None
    try:
        from language_tool_python.download_lt import LocalLanguageTool
    except ImportError:
        return None
    try:
        return LocalLanguageTool.get_latest_installed_version()
    except Exception:  # a broken install folder is the same as none
        return None


def _free_port() -> int:
    import socket  # here: a run without LanguageTool never needs it

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_local(options: LanguageToolOptions) -> Located:
    if shutil.which("java") is None:
        return Located(None, "", "no LanguageTool server is configured and Java is not installed")
    install = _local_install()
    if install is None:
        return Located(
            None, "", "no LanguageTool server is configured and no local LanguageTool is installed"
        )
    import subprocess  # here: a run without LanguageTool never needs it

    from checker.grammar.client import LanguageToolClient, LanguageToolError

    port = _free_port()
    try:
        command = install.get_server_cmd(port)
    except Exception as exc:
        return Located(None, "", f"the local LanguageTool cannot be started: {exc}")
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    atexit.register(_stop, process)
    client = LanguageToolClient(f"http://127.0.0.1:{port}", options.timeout)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return Located(
                None, "", f"the local LanguageTool exited at start (code {process.returncode})"
            )
        try:
            client.languages()
        except LanguageToolError:
            time.sleep(0.25)
            continue
        client.requests = 0  # start-up polling is not checking
        return Located(client, "local")
    _stop(process)
    return Located(None, "", f"the local LanguageTool did not start within {START_SECONDS:g} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    import subprocess

    if process.poll() is None:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)
        if process.poll() is None:
            process.kill()
