"""The pre-commit hook, for real: a commit with a missing safeguard is refused, the fixed one accepted."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

BROKEN = "---\nkind: production\nrevisions: 2\n---\nロゴを作成します。Zoomで打ち合わせ可能です。\n"
FIXED = "---\nkind: production\nrevisions: 2\n---\nロゴを作成します。打ち合わせはトークルームで行います。\n"


def _run(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_commit_is_refused_then_accepted(tmp_path):
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("the checkout is not a git repository")
    pre_commit = Path(sys.executable).with_name("pre-commit")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig")}
    repo = tmp_path / "sellers"
    repo.mkdir()
    _run("git", "init", "-q", "-b", "main", cwd=repo, env=env)
    _run("git", "config", "user.email", "seller@example.com", cwd=repo, env=env)
    _run("git", "config", "user.name", "Seller", cwd=repo, env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head.stdout.strip()}\n    hooks:\n      - id: listing-lint\n"
        "        args: [--select, LL201]\n",
        encoding="utf-8",
    )
    assert _run(str(pre_commit), "install", cwd=repo, env=env).returncode == 0
    (repo / "logo.md").write_text(BROKEN, encoding="utf-8")
    _run("git", "add", ".", cwd=repo, env=env)
    refused = _run("git", "commit", "-m", "draft", cwd=repo, env=env)
    assert refused.returncode != 0
    assert "logo.md:5:10: LL201 [off-platform-contact] error" in refused.stdout + refused.stderr

    (repo / "logo.md").write_text(FIXED, encoding="utf-8")
    _run("git", "add", ".", cwd=repo, env=env)
    accepted = _run("git", "commit", "-m", "fixed", cwd=repo, env=env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
