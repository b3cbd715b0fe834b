"""Whole realistic listings, written by hand with their expected findings (fixtures/corpus)."""

from __future__ import annotations

import pytest

from .corpus import CORPUS, actual, expectations

EXPECTED = expectations()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_listing(name):
    assert sorted(actual(name)) == sorted(EXPECTED[name])


def test_every_corpus_listing_has_expectations():
    on_disk = {str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*") if p.suffix in (".md", ".yaml", ".yml")}
    assert on_disk == set(EXPECTED)


def test_corpus_covers_both_languages_and_ten_subjects_each():
    for language in ("ja", "en"):
        assert sum(1 for name in EXPECTED if name.startswith(f"{language}/")) >= 10
