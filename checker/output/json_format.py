"""The JSON contract (documented in the README and kept stable).

``{"version", "articles": [{"path", "id", "lang", "format", "repairs", "metrics",
"findings"}], "errors": [{"path", "line", "message"}], "grammar", "summary"}``;
``grammar`` is how the LanguageTool stage went (``null`` when no GRM rule ran).
"""

from __future__ import annotations

from typing import Any

import orjson

from checker import __version__
from checker.engine import CheckResult


def to_dict(result: CheckResult) -> dict[str, Any]:
    articles = []
    for article in result.articles:
        doc = article.document
        articles.append(
            {
                "path": doc.path,
                "id": doc.id,
                "lang": doc.lang or None,
                "lang_source": doc.lang_source,
                "format": doc.format,
                "repairs": [r.to_json() for r in doc.repairs],
                "metrics": article.metrics,
                "findings": [f.to_json() for f in article.findings],
            }
        )
    counts = result.counts()
    return {
        "version": __version__,
        "articles": articles,
        "errors": [e.to_json() for e in result.errors],
        "grammar": result.grammar.to_json() if result.grammar is not None else None,
        "summary": {
            "articles": len(result.articles),
            "errors": len(result.errors),
            "findings": sum(counts.values()),
            "by_severity": counts,
            "fail_on": result.fail_on.label,
            "exit_code": result.exit_code,
        },
    }


def render(result: CheckResult) -> str:
    """The contract as indented UTF-8 JSON (orjson: a large report renders in milliseconds)."""
    data = orjson.dumps(to_dict(result), option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS)
    return data.decode("utf-8") + "\n"
