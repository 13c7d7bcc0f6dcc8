"""Save what the checker prints for a set of runs, and later say if it still prints exactly that.

Usage:
    python bench/same_output.py save SNAPSHOT_DIR [--extra PATH ...]
    python bench/same_output.py compare SNAPSHOT_DIR [--extra PATH ...]

A refactoring that must not change behaviour (a new engine, a faster tokeniser) is checked
by saving a snapshot before and comparing after.  The runs are the sample content with its
translations (every output format), the test fixtures, and each ``--extra`` folder (the
seeds, a folder of real pages), each with every rule and with each family alone, so that a
stage skipped for an unselected rule cannot change what the selected ones report.  Every
run is ``--no-cache --jobs 1`` from the repository root; ``compare`` prints each run that
differs with its first differing line, and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAMILIES = ("RDG", "PLN", "CLM", "NUM", "A11Y", "CHK", "TRN", "GRM")


def runs(extra: list[str]) -> list[tuple[str, list[str]]]:
    """(name, arguments) of every run to compare."""
    out: list[tuple[str, list[str]]] = []
    for fmt in ("json", "text", "sarif"):
        out.append((f"content-{fmt}", ["--format", fmt]))
    out.append(("content-all-json", ["--select", "ALL", "--format", "json"]))
    for family in FAMILIES:
        out.append((f"content-{family}", ["--select", family, "--format", "json"]))
    for folder in ["tests/fixtures", *extra]:
        tag = hashlib.sha1(folder.encode()).hexdigest()[:8] + "-" + Path(folder).name
        out.append((f"{tag}-all", [folder, "--select", "ALL", "--format", "json"]))
        for family in FAMILIES:
            if family != "TRN":
                out.append((f"{tag}-{family}", [folder, "--select", family, "--format", "json"]))
    return out


def run(arguments: list[str]) -> str:
    command = [sys.executable, "-m", "checker", "check", "--no-cache", "--jobs", "1", *arguments]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    output = f"exit {done.returncode}\n{done.stdout}\n--- stderr\n{done.stderr}"
    return output.replace(str(ROOT), "<root>")  # the same in any clone


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("--extra", action="append", default=[], help="another folder to check")
    args = parser.parse_args()
    args.snapshot.mkdir(parents=True, exist_ok=True)
    differing = 0
    planned = runs(args.extra)
    for name, arguments in planned:
        output = run(arguments)
        saved = args.snapshot / f"{name}.out"
        if args.action == "save":
            saved.write_text(output, encoding="utf-8")
            continue
        before = saved.read_text(encoding="utf-8") if saved.exists() else ""
        if before != output:
            differing += 1
            diff = difflib.unified_diff(
                before.splitlines(), output.splitlines(), "before", "after", n=0, lineterm=""
            )
            print(f"DIFFERS {name}: checker check {' '.join(arguments)}")
            for line in list(diff)[2:8]:
                print(f"    {line[:200]}")
    if args.action == "compare":
        print(f"{len(planned) - differing} of {len(planned)} runs identical")
    else:
        print(f"saved {len(planned)} runs in {args.snapshot}")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
