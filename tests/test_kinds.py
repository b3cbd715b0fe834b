"""Kind inference: declared wins; otherwise category, title, then the description's opening."""

from __future__ import annotations

import pytest

from listing_lint.config import Config
from listing_lint.engine import lint_text
from listing_lint.frontmatter import FrontMatter
from listing_lint.kinds import kinds_of
from listing_lint.listing import Section
from listing_lint.normalize import Text


@pytest.mark.parametrize(
    "fields, kinds, reason",
    [
        ({"kind": "content", "category": "ロゴデザイン"}, ("content",), "declared in the front matter"),
        ({"kind": ["production", "content"]}, ("production", "content"), "declared in the front matter"),
        ({"category": "占い・タロット"}, ("content",), "inferred from the category (タロット, 占い)"),
        ({"category": "電話占い"}, ("consultation",), "inferred from the category (電話占い)"),
        ({"category": "占い/電話占い"}, ("consultation",), "inferred from the category (電話占い)"),
        ({"category": "占い > チャット占い"}, ("consultation",), "inferred from the category (チャット占い)"),
        ({"category": "占い/その他"}, ("content",), "inferred from the category (占い)"),
        ({"category": "Lifestyle > Tarot Readings"}, ("content",), "inferred from the category (Readings, Tarot)"),
        ({"category": "Spiritual > Live Reading"}, ("consultation",), "inferred from the category (Live Reading)"),
        ({"category": "悩み相談・話し相手"}, ("consultation",), "inferred from the category (悩み相談, 話し相手)"),
        ({"category": "Kindle出版"}, ("production",), "inferred from the category (Kindle出版)"),
        ({"category": "ビジネス相談"}, ("consultation",), "inferred from the category (相談)"),
        ({"category": "ビジネスコンサル"}, ("consultation",), "inferred from the category (コンサル)"),
        ({"category": "書類添削"}, ("production",), "inferred from the category (添削)"),
        ({"category": "IT・プログラミング > VBA"}, ("production",), "inferred from the category (プログラミング)"),
        ({"category": "SNS運用代行"}, ("production",), "inferred from the category (運用代行)"),
        ({"category": "Dream Interpretation"}, ("content",), "inferred from the category (Dream Interpretation)"),
        # a title that gives the reading live makes a reading category consultation
        (
            {"category": "Psychic Readings", "title": "I will give you a live psychic reading on a phone call"},
            ("consultation",),
            "inferred from the category (Readings), then the title's live reading (live psychic reading)",
        ),
        (
            {"category": "占い", "title": "霊視とタロットで電話鑑定します"},
            ("consultation",),
            "inferred from the category (占い), then the title's live reading (電話鑑定)",
        ),
        (
            {"category": "Video Editing", "title": "I will edit your video after a video call"},
            ("production",),
            "inferred from the category (Editing, Video)",
        ),
        # a call or a session bundled in the title adds consultation; a format or a free chat does not
        (
            {"category": "デザイン", "title": "ロゴ作成＋30分のブランディング相談つき"},
            ("consultation", "production"),
            "inferred from the category (デザイン), then the title's added talk (相談)",
        ),
        (
            {"category": "Tarot Readings", "title": "I will send a written tarot reading with a follow up call"},
            ("content", "consultation"),
            "inferred from the category (Readings, Tarot), then the title's added talk (follow up call)",
        ),
        (
            {"category": "デザイン", "title": "チラシデザイン＋無料相談つき"},
            ("production",),
            "inferred from the category (デザイン)",
        ),
        ({"title": "A strategy call for your shop"}, ("consultation",), "inferred from the title (strategy call)"),
        ({"title": "オンラインレッスンで英会話"}, ("consultation",), "inferred from the title (レッスン)"),
        (
            {"title": "I will teach you guitar in 1-on-1 lessons"},
            ("consultation",),
            "inferred from the title (1-on-1, lessons)",
        ),
        (
            {"title": "英語の翻訳|マニュアル対応", "description": "翻訳者です。"},
            ("production",),
            "inferred from the title (マニュアル, 翻訳), then the opening of the description (翻訳)",
        ),
        ({"title": "Your coach on a video call"}, ("consultation",), "inferred from the title (coach, video call)"),
        ({"title": "I will write SEO blog posts"}, ("production",), "inferred from the title (blog posts, write)"),
        ({"title": "I will give you a tarot reading"}, ("content",), "inferred from the title (reading, tarot)"),
        ({"title": "I will proofread your essay"}, ("production",), "inferred from the title (proofread)"),
        ({"title": "I will be your life coach"}, ("consultation",), "inferred from the title (life coach)"),
        ({"title": "副業で月5万円稼ぐノウハウPDF"}, ("content",), "inferred from the title (PDF, ノウハウ)"),
        ({"title": "【動画講座】ゼロから学ぶExcel関数講座"}, ("content",), "inferred from the title (動画講座, 講座)"),
        ({"title": "自己分析ワークシートをお渡しします"}, ("content",), "inferred from the title (ワークシート)"),
        (
            {"category": "Webサイト制作・Webデザイン", "title": "占いサイトのデザインを制作します"},
            ("production",),
            "inferred from the category (サイト制作, デザイン)",
        ),
        ({"title": "My facebook ads video course"}, ("content",), "inferred from the title (video course)"),
        ({"title": "I will talk with you on a voice call"}, ("consultation",), "inferred from the title (voice call)"),
        ({"title": "I will be a friendly listening ear"}, ("consultation",), "inferred from the title (listening ear)"),
        ({"title": "Tax questions in a 30 minute call"}, ("consultation",), "inferred from the title (minute call)"),
        ({"title": "I will be your personal trainer"}, ("consultation",), "inferred from the title (personal trainer)"),
        ({"category": "eBook Writing"}, ("production",), "inferred from the category (eBook Writing)"),
        ({"title": "I will ghostwrite your memoir"}, ("production",), "inferred from the title (ghostwrite)"),
        ({"title": "I will rewrite your resume"}, ("production",), "inferred from the title (rewrite)"),
        (
            {"title": "I will edit your coaching podcast", "description": "I will edit your podcast audio."},
            ("production",),
            "inferred from the title (coaching, edit), then the opening of the description (edit)",
        ),
        ({"title": "お手伝いします"}, ("production",), "nothing declared or recognisable: assumed production"),
    ],
)
def test_kind_inference(fields, kinds, reason):
    fields = dict(fields)
    text = fields.pop("description", "")
    sections = [Section("description", Text(text, tuple(range(len(text)))))] if text else []
    assert kinds_of(FrontMatter.model_validate(fields), sections) == (kinds, reason)


def test_rule_of_another_kind_never_fires():
    reading = "---\ncategory: タロット占い\n---\n鑑定結果をPDFでお送りします。\n"
    codes = {f.code for f in lint_text(reading, "a.md", Config(select=["LL1"]))}
    assert "LL104" in codes and "LL105" not in codes and "LL110" not in codes
    logo = "---\ncategory: ロゴデザイン\n---\nロゴを作ります。\n"
    codes = {f.code for f in lint_text(logo, "a.md", Config(select=["LL1"]))}
    assert "LL104" not in codes and "LL105" in codes
