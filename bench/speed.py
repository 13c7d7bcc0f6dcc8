"""Time a whole check of a generated corpus of health articles, and the CLI's start-up.

Usage: python bench/speed.py [--articles 2000] [--words 500] [--seed 7] [--profile] [--stages]

Builds, in a temporary folder, ``--articles`` Markdown articles of about ``--words``
words each (front matter, headings, paragraphs, lists, doses, statistics and
abbreviations, generated deterministically from a seeded random generator), then
times ``checker.pipeline.check_paths`` plus JSON rendering in this process twice:
the first (cold) run includes the lazy loading of the dictionaries, the second
runs with them loaded.  Every rule runs (the default selection).  Targets (speed
issue): >= 250,000 words/s in one process, and a cold ``checker check one-article.md``
(a fresh process, tables already built on disk, no result cache) <= 0.3 s; ``checker
--help`` is timed too.  The block parse of the Markdown library alone is
timed too, as a floor no check can beat.
With ``--stages``, loading, analysis, jargon and claim finding are timed apart (microseconds
per word).  With ``--profile``, one check of 300 articles (dictionaries already loaded) is run
under cProfile and the top functions are printed.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

T_IMPORT = time.perf_counter()
from checker.config import Config  # noqa: E402 - timed import
from checker.engine import CheckResult  # noqa: E402
from checker.output.json_format import render  # noqa: E402
from checker.pipeline import check_paths  # noqa: E402

IMPORT_SECONDS = time.perf_counter() - T_IMPORT

REPO = Path(__file__).resolve().parents[1]
CHECKER_SCRIPT = next(
    (
        p
        for p in (REPO / ".venv" / "bin" / "checker", Path(sys.executable).parent / "checker")
        if p.exists()
    ),
    REPO / ".venv" / "bin" / "checker",
)
WORDS_TARGET = 250_000
STARTUP_TARGET = 0.3
PROFILE_ARTICLES = 300

# -- vocabulary -----------------------------------------------------------------------------

TOPICS: tuple[tuple[str, str, str, str], ...] = (
    # (condition, body part, medicine, test)
    ("high blood pressure", "heart", "amlodipine", "blood pressure reading"),
    ("type 2 diabetes", "pancreas", "metformin", "HbA1c test"),
    ("asthma", "lungs", "salbutamol", "peak flow test"),
    ("migraine", "brain", "sumatriptan", "neurological examination"),
    ("osteoarthritis", "knee", "paracetamol", "X-ray"),
    ("depression", "mind", "sertraline", "mood questionnaire"),
    ("atrial fibrillation", "heart", "apixaban", "ECG"),
    ("chronic kidney disease", "kidneys", "ramipril", "eGFR blood test"),
    ("psoriasis", "skin", "methotrexate", "skin biopsy"),
    ("hypothyroidism", "thyroid gland", "levothyroxine", "TSH test"),
    ("gout", "big toe", "allopurinol", "uric acid test"),
    ("COPD", "airways", "tiotropium", "spirometry"),
    ("anaemia", "blood", "ferrous sulfate", "full blood count"),
    ("urinary tract infection", "bladder", "nitrofurantoin", "urine test"),
    ("high cholesterol", "arteries", "atorvastatin", "lipid profile"),
    ("eczema", "skin", "hydrocortisone cream", "patch test"),
    ("acid reflux", "stomach", "omeprazole", "endoscopy"),
    ("osteoporosis", "bones", "alendronic acid", "DEXA scan"),
)
SECTIONS = (
    "What is {c}?",
    "Symptoms of {c}",
    "What causes {c}?",
    "How {c} is diagnosed",
    "Treatment",
    "Taking {m}",
    "Side effects",
    "Living with {c}",
    "When to get help",
    "Preventing {c}",
    "What the research says",
    "Questions to ask your doctor",
)
SUBJECTS = (
    "Many people",
    "Some patients",
    "Your doctor",
    "A nurse",
    "Your pharmacist",
    "Most adults",
    "Older people",
    "Children",
    "Pregnant women",
    "People with {c}",
    "The specialist",
    "A healthcare professional",
    "Researchers",
    "Carers",
)
VERBS = (
    "may notice",
    "can reduce",
    "should avoid",
    "often need",
    "will check",
    "might feel",
    "can manage",
    "usually recommend",
    "sometimes experience",
    "need to monitor",
    "are advised to limit",
    "can improve",
    "may develop",
    "should discuss",
)
OBJECTS = (
    "their symptoms",
    "the risk of complications",
    "salt in their diet",
    "regular exercise",
    "tiredness and dizziness",
    "inflammation of the {b}",
    "a gradual improvement",
    "cardiovascular complications",
    "long-term medication",
    "their blood sugar levels",
    "unexpected side effects",
    "the underlying condition",
    "a healthy weight",
    "alcohol and smoking",
    "an individualised treatment plan",
    "physiotherapy sessions",
)
CLAUSES = (
    "because the condition can progress slowly",
    "especially during the first few weeks",
    "which helps to protect the {b}",
    "although this varies from person to person",
    "if symptoms get worse or do not improve",
    "as part of a routine appointment",
    "unless your doctor tells you otherwise",
    "so that problems are found early",
    "while the body adjusts to the new treatment",
    "particularly in people over 65",
    "and this is usually temporary",
    "even when they feel perfectly well",
    "according to national guidelines",
    "before making any changes to their medicines",
)
FIXED = (
    "Take {m} at the same time every day.",
    "The usual starting dose of {m} is {dose} mg once a day.",
    "Do not stop taking {m} without talking to your GP first.",
    "In a trial of {n} adults, {m} reduced the risk of hospital admission "
    "(RR 0.{rr}, 95% CI 0.{lo} to 0.{hi}).",
    "About {pct}% of people with {c} have no symptoms at all.",
    "Dr. Patel, a consultant at St. Mary's Hospital, said the results were encouraging.",
    "A {t} can confirm the diagnosis, e.g. during a routine check-up.",
    "Some medicines, i.e. those that thin the blood, need regular monitoring.",
    "The NHS recommends at least 150 minutes of moderate activity a week.",
    "Your BMI should ideally be between 18.5 and 24.9.",
    "Drink about 1.5 to 2 litres of fluid a day unless told otherwise.",
    "The average reading fell from {bp1}/90 mmHg to {bp2}/80 mmHg after 12 weeks.",
    "Call 999 or go to A&E if you have chest pain or trouble breathing.",
    "Symptoms usually improve within {days} days.",
    "The correlation between dose and response was 0.{rr} in the largest study.",
    "Keep {m} out of the reach of children.",
    "It is approx. {ratio} times more common in women than in men.",
    "Tell your doctor if you are pregnant or breastfeeding.",
    "Cut down on processed food, sugary drinks and salty snacks.",
    "See the leaflet inside the pack for the full list of side effects, incl. rare ones.",
)
LIST_ITEMS = (
    "feeling tired all the time",
    "headaches",
    "shortness of breath",
    "swollen ankles",
    "pain in the {b}",
    "blurred vision",
    "feeling sick",
    "a rash or itching",
    "losing weight without trying",
    "needing to pee more often",
    "dizziness when standing up",
    "take {m} with food",
    "keep a diary of your symptoms",
    "check your {t} every 6 months",
    "eat five portions of fruit and vegetables a day",
    "stop smoking",
    "limit alcohol to 14 units a week",
    "sleep 7 to 9 hours a night",
)
TITLES = (
    "{C}: symptoms, causes and treatment",
    "Living well with {c}",
    "Understanding {c}",
    "A guide to {m}",
    "{C} explained",
    "Managing {c} at home",
)


class ArticleWriter:
    """Writes deterministic, varied health articles from the word lists above."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def fill(self, template: str, topic: tuple[str, str, str, str]) -> str:
        c, b, m, t = topic
        r = self.rng
        rr = r.randint(50, 95)
        return template.format(
            c=c,
            C=c[0].upper() + c[1:],
            b=b,
            m=m,
            t=t,
            dose=r.choice((5, 10, 15, 20, 40, 500)),
            n=r.choice((120, 348, 1024, 2500, 7843, 12000)),
            rr=rr,
            lo=rr - r.randint(3, 9),
            hi=min(99, rr + r.randint(3, 9)),
            pct=r.randint(5, 60),
            bp1=r.randint(140, 170),
            bp2=r.randint(120, 139),
            days=r.randint(2, 14),
            ratio=r.randint(2, 4),
        )

    def sentence(self, topic: tuple[str, str, str, str]) -> str:
        r = self.rng
        if r.random() < 0.3:
            return self.fill(r.choice(FIXED), topic)
        parts = [r.choice(SUBJECTS), r.choice(VERBS), r.choice(OBJECTS)]
        for _ in range(r.choice((0, 0, 1, 1, 1, 2, 3))):
            parts.append(r.choice(CLAUSES))
        text = " ".join(parts)
        if r.random() < 0.25:
            text = r.choice(("However, ", "In some cases, ", "For example, ", "Over time, ")) + (
                text[0].lower() + text[1:]
            )
        return self.fill(text, topic) + "."

    def paragraph(self, topic: tuple[str, str, str, str]) -> str:
        return " ".join(self.sentence(topic) for _ in range(self.rng.randint(2, 6)))

    def bullet_list(self, topic: tuple[str, str, str, str]) -> str:
        r = self.rng
        numbered = r.random() < 0.3
        items = r.sample(LIST_ITEMS, r.randint(3, 6))
        lines = []
        for i, item in enumerate(items, 1):
            marker = f"{i}." if numbered else "-"
            text = self.fill(item, topic)
            lines.append(f"{marker} {text[0].upper()}{text[1:]}")
        return "\n".join(lines)

    def article(self, words: int) -> tuple[str, str]:
        """(slug, Markdown text) of one article of about ``words`` words."""
        r = self.rng
        topic = r.choice(TOPICS)
        title = self.fill(r.choice(TITLES), topic)
        description = self.sentence(topic).replace('"', "'")
        parts = [f'---\ntitle: "{title}"\nlang: en\ndescription: "{description}"\n---\n']
        count = 0
        sections = r.sample(SECTIONS, len(SECTIONS))
        for index in range(10_000):
            if count >= words:
                break
            heading = self.fill(sections[index % len(sections)], topic)
            parts.append(f"## {heading}\n")
            for _ in range(r.randint(1, 3)):
                block = self.bullet_list(topic) if r.random() < 0.2 else self.paragraph(topic)
                parts.append(block + "\n")
                count += len(block.split())
                if count >= words:
                    break
        slug = "-".join(title.lower().replace(":", "").split()[:5])
        return slug, "\n".join(parts)


def build_corpus(folder: Path, articles: int, words: int, seed: int) -> list[Path]:
    writer = ArticleWriter(seed)
    files = []
    for i in range(articles):
        slug, text = writer.article(words)
        path = folder / "content" / f"section-{i % 20:02d}" / f"{i:05d}-{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


# -- measurements -------------------------------------------------------------------------


def timed_check(paths: Sequence[Path], config: Config) -> tuple[CheckResult, int, float]:
    """(result, length of the JSON report, seconds) of a check plus JSON rendering."""
    start = time.perf_counter()
    result = check_paths(paths, config)
    report = render(result)
    return result, len(report), time.perf_counter() - start


def describe(label: str, result: CheckResult, json_chars: int, seconds: float) -> float:
    words = sum(a.metrics["words"] for a in result.articles)
    findings = sum(len(a.findings) for a in result.articles)
    rate = words / seconds if seconds else 0.0
    print(
        f"{label}: {len(result.articles)} articles, {len(result.errors)} errors, "
        f"{findings} findings, JSON {json_chars / 1e6:.1f} MB"
    )
    print(
        f"  words {words:,}  time {seconds:.2f} s  ->  {rate:,.0f} words/s "
        f"(target >= {WORDS_TARGET:,}: {'PASS' if rate >= WORDS_TARGET else 'FAIL'})"
    )
    return rate


def markdown_parse_rate(files: Sequence[Path], words: int) -> float:
    """Words/s of the Markdown library alone: reading and block-parsing every file.

    The check cannot be faster than this floor, whatever it does with the blocks.
    """
    from checker.loading.markdown import _parser  # the parser the checker uses

    parser = _parser()
    start = time.perf_counter()
    for path in files:
        parser.parse(path.read_text(encoding="utf-8"))
    return words / (time.perf_counter() - start)


def stage_times(files: Sequence[Path], config: Config, words: int) -> None:
    """Microseconds per word of each stage of a check (dictionaries already loaded)."""
    from checker.claims.finder import find_claims
    from checker.engine import find_jargon
    from checker.loading import load_document
    from checker.text.analysis import analyse

    start = time.perf_counter()
    documents = [load_document(path, config) for path in files]
    loaded = time.perf_counter()
    analyses = [analyse(document) for document in documents]
    analysed = time.perf_counter()
    for document in documents:
        find_jargon(document, config)
    found = time.perf_counter()
    for document, analysis in zip(documents, analyses, strict=True):
        find_claims(document, analysis, config.claims)
    claimed = time.perf_counter()
    claim_seconds = claimed - found
    result = check_paths(files, config)
    checked = time.perf_counter()
    render(result)
    rendered = time.perf_counter()

    def per_word(seconds: float) -> str:
        return f"{seconds / words * 1e6:.2f} us/word"

    whole = checked - claimed
    rest = whole - (found - start) - claim_seconds
    print("STAGES (each timed on its own; budget at 400,000 words/s: 2.50 us/word)")
    print(f"  load (read, repair, Markdown blocks)  {per_word(loaded - start)}")
    print(f"  readability analysis                  {per_word(analysed - loaded)}")
    print(f"  jargon, rare words, abbreviations     {per_word(found - analysed)}")
    print(f"  claims, citations, numbers            {per_word(claim_seconds)}")
    print(f"  rules, metrics, findings              {per_word(rest)}")
    print(f"  whole check                           {per_word(whole)}")
    print(f"  JSON rendering                        {per_word(rendered - checked)}")


def startup_time(arguments: Sequence[str], runs: int = 9) -> float:
    """Median wall time of ``checker ARGUMENTS`` in a fresh process.

    Byte-code writing stays on (a user's install has its ``.pyc`` files), whatever this
    shell says; one unmeasured run first builds any table a fresh cache folder lacks."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times = []
    for number in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(
            [str(CHECKER_SCRIPT), *arguments],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=environment,
            check=False,
        )
        if number:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def profile(run: Callable[[], object], limit: int = 25) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    run()
    profiler.disable()
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order)
        stats.print_stats(limit)
        text = out.getvalue()
        body = text[text.find("   ncalls") :] if "   ncalls" in text else text
        print(f"\n--- top {limit} by {order} ---")
        print(body.rstrip())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--profile", action="store_true", help=f"profile one check of {PROFILE_ARTICLES} articles"
    )
    parser.add_argument(
        "--stages", action="store_true", help="time loading, analysis and jargon finding apart"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="checker-speed-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        files = build_corpus(root, args.articles, args.words, args.seed)
        print(
            f"corpus: {len(files)} Markdown articles of ~{args.words} words in {root} "
            f"(built in {time.perf_counter() - t0:.1f} s)"
        )
        print(f"import of checker.engine + json_format: {IMPORT_SECONDS:.3f} s (not timed below)")
        config = Config(root=root, paths=("content",))
        content = [root / "content"]

        cold = describe(
            "run 1, cold (includes lazy loading of dictionaries)", *timed_check(content, config)
        )
        second = timed_check(content, config)
        warm = describe("run 2, same process (dictionaries loaded)", *second)
        words = sum(a.metrics["words"] for a in second[0].articles)
        parse_rate = markdown_parse_rate(files, words)
        print(f"markdown-it-py block parse alone (reading included): {parse_rate:,.0f} words/s")

        startup = startup_time(["--help"])
        article = str(sorted(files)[0])
        single = startup_time(["check", article, "--no-cache", "--jobs", "1"])
        print(
            f"cold `checker check one-article.md --no-cache --jobs 1`, median of 9 runs: "
            f"{single:.3f} s; `checker --help`: {startup:.3f} s"
        )

        print("\nSUMMARY")
        print(
            f"  words/s cold          {cold:>12,.0f}   target >= {WORDS_TARGET:,}  "
            f"{'PASS' if cold >= WORDS_TARGET else 'FAIL'}"
        )
        print(
            f"  words/s second run    {warm:>12,.0f}   target >= {WORDS_TARGET:,}  "
            f"{'PASS' if warm >= WORDS_TARGET else 'FAIL'}"
        )
        print(f"  Markdown parse alone  {parse_rate:>12,.0f}   (a floor for the check)")
        print(
            f"  one article, cold     {single:>11.3f}s   target <= {STARTUP_TARGET} s     "
            f"{'PASS' if single <= STARTUP_TARGET else 'FAIL'}"
        )
        print(f"  checker --help        {startup:>11.3f}s")

        if args.stages:
            stage_times(sorted(files), config, words)

        if args.profile:
            subset = sorted(files)[:PROFILE_ARTICLES]
            print(
                f"\nPROFILE: one check + JSON render of {len(subset)} articles "
                "(dictionaries already loaded)"
            )
            profile(lambda: render(check_paths(subset, config)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
