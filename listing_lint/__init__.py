"""listing-lint: a static checker for freelance-marketplace service listings.

Library use::

    from listing_lint import lint_text
    for finding in lint_text(open("service.md").read(), path="service.md"):
        print(finding.line, finding.code, finding.message)
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "lint_text", "lint_file"]


def __getattr__(name: str) -> Any:
    # The engine imports pydantic and the parsers; `listing-lint --version` should not pay for them.
    if name in ("lint_text", "lint_file"):
        from . import engine

        return getattr(engine, name)
    raise AttributeError(name)
