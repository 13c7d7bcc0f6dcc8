"""The JSON contract (documented in the README and kept stable).

``{"version", "articles": [{"path", "id", "lang", "format", "repairs", "metrics",
"findings"}], "errors": [{"path", "line", "message"}], "summary"}``
"""

from __future__ import annotations

import json
from typing import Any

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
    return json.dumps(to_dict(result), ensure_ascii=False, indent=2) + "\n"
