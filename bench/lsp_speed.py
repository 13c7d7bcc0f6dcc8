"""How long a warm language server takes to re-check an article after an edit.

Usage: python bench/lsp_speed.py [--article content/ivig-treatment.md] [--edits 50]

Target (writers' workflow issue): at most 20 ms to re-check a 600-word article in a warm
server.  Two figures:

- in process: ``checker.lsp.diagnostics_for`` plus turning the findings into LSP
  diagnostics, the work a ``didChange`` does, median over ``--edits`` edits (each edit
  changes one word, so no cache can answer);
- over stdio: ``checker lsp`` started as an editor starts it; the time from sending
  ``didChange`` to receiving its ``publishDiagnostics``, median over the same edits.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checker.lsp import CheckerServer, diagnostics_for, to_diagnostic  # noqa: E402
from tests.test_lsp import Client  # noqa: E402

TARGET_MS = 20.0


def edits(text: str, count: int) -> list[str]:
    """``count`` versions of ``text``, each with one more word changed."""
    words = text.split(" ")
    versions = []
    for number in range(count):
        where = (number * 37) % len(words)
        changed = list(words)
        changed[where] = changed[where] + ("s" if number % 2 else "")
        versions.append(" ".join(changed) + f"\n\nEdit number {number}.\n")
    return versions


def in_process(path: Path, versions: list[str]) -> tuple[float, int]:
    server = CheckerServer()
    uri = path.resolve().as_uri()
    diagnostics_for(server, uri, versions[0], versions[0].splitlines())  # warm up
    times = []
    found = 0
    for text in versions:
        start = time.perf_counter()
        spans = diagnostics_for(server, uri, text, text.splitlines())
        found = len([to_diagnostic(span, finding) for span, finding in spans])
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, found


def over_stdio(path: Path, versions: list[str]) -> float:
    client = Client(path.parent)
    uri = path.resolve().as_uri()
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    client.notify("initialized", {})
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": versions[0]}},
    )
    client.diagnostics(uri)
    times = []
    for number, text in enumerate(versions, 2):
        start = time.perf_counter()
        client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": number},
                "contentChanges": [{"text": text}],
            },
        )
        client.diagnostics(uri)
        times.append(time.perf_counter() - start)
    client.close()
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=Path, default=REPO / "content" / "ivig-treatment.md")
    parser.add_argument("--edits", type=int, default=50)
    args = parser.parse_args()
    text = args.article.read_text(encoding="utf-8")
    versions = edits(text, args.edits)
    words = len(text.split())
    local, found = in_process(args.article, versions)
    remote = over_stdio(args.article, versions)
    verdict = "PASS" if max(local, remote) <= TARGET_MS else "FAIL"
    print(f"article: {args.article} ({words} words, {found} diagnostics), {args.edits} edits")
    print(f"in process (check + diagnostics), median: {local:.1f} ms")
    print(f"over stdio (didChange -> publishDiagnostics), median: {remote:.1f} ms")
    print(f"target <= {TARGET_MS:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
