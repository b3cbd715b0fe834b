"""Deterministic generator of realistic listings: both languages, both forms, each clause present or not.

    python benchmarks/generate.py OUT_DIR COUNT [--seed N]

The same seed and count always give the same files. Each listing is 40-90 lines, the size and shape
of a real one: a title, fields, several sections of prose, lists and a price table, with every
safeguard clause present, absent, negated or left as a template blank at random.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

JA = {
    "title": [
        "ロゴを作成します",
        "LPをデザインします",
        "タロットで鑑定します",
        "電話でお悩みを聞きます",
        "ブログ記事を執筆します",
    ],
    "intro": [
        "はじめまして!デザイナーのミナミです✨ 丁寧なヒアリングをもとに、伝わるデザインをご提案します。",
        "これまで300件以上のご依頼をいただき、リピーター様も多数いらっしゃいます😊",
        "個人事業主様・小さなお店のオーナー様向けに、シンプルで長く使えるものを心がけています。",
        "ご要望をしっかり伺ったうえで、2〜3案をご提示いたします。",
    ],
    "revision": [
        "無料修正は3回までです。",
        "修正は二回まで無料で承ります。",
        "ご満足いただけるまで何度でも修正いたします!",
        "修正回数の制限はありません。",
        "修正は●回まで無料です。",
        "",
    ],
    "silence": [
        "7日以上ご連絡が取れない場合は、正式な納品として取引を完了します。",
        "ご返信が５営業日ない場合は、最終版として納品いたします。",
        "ご連絡はお早めにお願いします。",
        "●日以上連絡がない場合は納品します。",
        "",
    ],
    "consult": [
        "ご購入前に必ずメッセージでご相談ください。",
        "いきなりのご購入はお控えください。",
        "お気軽にご相談ください。",
        "",
    ],
    "spoiler": [
        "レビューでのネタバレはご遠慮ください。",
        "評価コメントに鑑定内容の詳細は書かないでください。",
        "ネタバレ注意!",
        "",
    ],
    "anonymous": ["匿名での評価はご遠慮ください。", "匿名での評価も歓迎です!", ""],
    "contact": [
        "",
        "",
        "",
        "Zoomで打ち合わせ可能です。",
        "お急ぎの方はLINE ID:minami_design までどうぞ。",
        "LINE等での直接のやり取りはお断りしています。",
    ],
    "filler": [
        "・ロゴデータ(AI / PNG / JPG)をお渡しします",
        "・カラーとモノクロの2パターンをご用意します",
        "・商用利用も可能です",
        "・納品後のサイズ変更にも対応いたします",
        "ご購入後、トークルームにてヒアリングシートをお送りします。",
        "イメージに近い参考画像があれば、ぜひお送りください🙏",
        "土日祝日もメッセージの確認は行っておりますが、返信が遅れる場合がございます。",
        "納期はヒアリング完了から５日を目安にしております。",
    ],
    "headings": ["【サービス内容】", "## 納品物", "## 修正について", "■ご購入にあたってのお願い", "## よくある質問"],
}
EN = {
    "title": [
        "I will design a modern minimalist logo",
        "I will write SEO blog posts",
        "I will give you a tarot reading",
        "I will coach you on a video call",
    ],
    "intro": [
        "Hi! I'm Mina, a brand designer with 8 years of experience and 500+ happy clients.",
        "I focus on clean, timeless designs that work everywhere, from business cards to billboards.",
        "Every project starts with a short brief so I understand your brand and audience.",
    ],
    "revision": [
        "Includes up to 2 revisions.",
        "Three rounds of revisions are included.",
        "Unlimited revisions until you are happy!",
        "There is no limit on revisions.",
        "Up to XX revisions.",
        "",
    ],
    "silence": [
        "If I don't hear back within 5 days, the order will be delivered as final.",
        "No response for 3 business days means the delivery is complete.",
        "Please reply as soon as you can.",
        "",
    ],
    "consult": [
        "Please message me before ordering.",
        "Contact me before placing an order so we can confirm the scope.",
        "Feel free to ask anything!",
        "",
    ],
    "spoiler": [
        "Please don't reveal the method in your review.",
        "No spoilers in reviews, please.",
        "Spoiler alert: it works!",
        "",
    ],
    "anonymous": ["", "Anonymous reviews are totally fine.", ""],
    "contact": [
        "",
        "",
        "",
        "We can continue on WhatsApp after the order.",
        "Email me at hello@example.com",
        "All communication stays on Fiverr.",
    ],
    "filler": [
        "- High resolution PNG and JPG files",
        "- Vector source files (AI, EPS, SVG)",
        "- Full commercial use rights",
        "- A simple brand color palette",
        "Delivery takes 3 business days from when I receive your brief.",
        "I usually reply within a few hours, seven days a week.",
        "Check out my portfolio in the gig gallery above.",
    ],
    "headings": ["## What you get", "## Revisions", "## Before you order", "## FAQ", "### About me"],
}
KINDS = ["production", "content", "consultation"]


def listing(rng: random.Random, index: int) -> tuple[str, str]:
    """Return (file name, text) for the ``index``-th listing."""
    words = JA if rng.random() < 0.6 else EN
    language = "ja" if words is JA else "en"
    platform = "coconala" if language == "ja" else "fiverr"
    kind = rng.choice(KINDS)
    fields = {
        "title": rng.choice(words["title"]),
        "platform": platform,
        "language": language,
        "kind": kind,
        "price": rng.choice([3000, 5000, 8000, 15000]),
        "delivery_days": rng.randint(2, 10),
    }
    if rng.random() < 0.4:
        fields["revisions"] = rng.choice([1, 2, 3, "unlimited"])
    if platform == "coconala" and rng.random() < 0.6:
        fields["settings"] = {"quote_required": rng.random() < 0.5, "anonymous_reviews": rng.random() < 0.2}

    body: list[str] = []
    for heading in words["headings"]:
        body += [heading, ""]
        body += rng.sample(words["intro"], k=min(2, len(words["intro"])))
        body += rng.sample(words["filler"], k=rng.randint(3, len(words["filler"])))
        body.append("")
    clauses = [rng.choice(words[key]) for key in ("revision", "silence", "consult", "spoiler", "anonymous", "contact")]
    body += [c for c in clauses if c]
    body += ["", "| プラン | 価格 |" if language == "ja" else "| Plan | Price |", "|---|---|"]
    body += [f"| {name} | {price} |" for name, price in (("Basic", 5000), ("Standard", 10000), ("Premium", 20000))]

    if rng.random() < 0.25:
        return f"listing-{index:05d}.yaml", _yaml(fields, body)
    return f"listing-{index:05d}.md", _markdown(fields, body)


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _fields(fields: dict) -> list[str]:
    lines = []
    for key, value in fields.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {_scalar(v)}" for k, v in value.items()]
        else:
            lines.append(f"{key}: {_scalar(value)}")
    return lines


def _markdown(fields: dict, body: list[str]) -> str:
    return "\n".join(["---", *_fields(fields), "---", *body]) + "\n"


def _yaml(fields: dict, body: list[str]) -> str:
    return "\n".join([*_fields(fields), "description: |", *(f"  {line}" if line else "" for line in body)]) + "\n"


def generate(out: Path, count: int, seed: int = 20261124) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        name, text = listing(rng, index)
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=20261124)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
