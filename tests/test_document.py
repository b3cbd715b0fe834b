"""Clauses: how a listing's text is cut into the sentences, list items and rows that rules read."""

from __future__ import annotations

import pytest

from listing_lint.config import Config
from listing_lint.document import Document
from listing_lint.engine import lint_text
from listing_lint.listing import parse


def _clauses(body: str) -> list[str]:
    document = Document(parse(f"---\nkind: production\n---\n{body}\n", "a.md"))
    return [document.chars[c.start : c.end].strip() for c in document.clauses]


@pytest.mark.parametrize(
    "body, clauses",
    [
        ("修正は\n2回まで承ります。", ["修正は 2回まで承ります。"]),  # a line that ends in a particle goes on
        ("ご返信が、\n7日ない場合", ["ご返信が、 7日ない場合"]),
        (
            "ご用意いただくもの\n・写真3枚\n・ロゴ",
            ["ご用意いただくもの", "・写真3枚", "・ロゴ"],
        ),  # a list item opens anew
        ("修正について\n2回まで無料", ["修正について 2回まで無料"]),
        ("修正2回まで\n納期3日", ["修正2回まで", "納期3日"]),  # a line without a particle ends
        ("Revisions are\nunlimited here.", ["Revisions are unlimited here."]),
        ("Revisions: 2\nDelivery: 3 days", ["Revisions: 2", "Delivery: 3 days"]),
        # a list item wrapped onto an indented line goes on
        ("- If you don't reply, I will\n  send it as final.", ["- If you don't reply, I will   send it as final."]),
        ("- Logo\n  - Banner", ["- Logo", "- Banner"]),
        # a line wrapped before a quote or a bracket goes on
        (
            'The mock-ups show the sample text\n"[Your Logo Here]" on a shop.',
            ['The mock-ups show the sample text "[Your Logo Here]" on a shop.'],
        ),
        ("Delivery in 3 days\n(after I receive your brief).", ["Delivery in 3 days (after I receive your brief)."]),
        ('Great work!\n"Best logo ever"', ["Great work!", '"Best logo ever"']),
        (
            "▼レビューについて\n内容は書かないでください。",
            ["▼レビューについて", "内容は書かないでください。"],
        ),  # a title ends
    ],
)
def test_a_line_break_inside_a_sentence_does_not_end_it(body, clauses):
    assert _clauses(body) == clauses


@pytest.mark.parametrize(
    "body, clauses",
    [
        ("Do not share it (incl. in reviews). Thanks.", ["Do not share it (incl. in reviews).", "Thanks."]),
        ("Files e.g. logos are sent. Approx. 3 days.", ["Files e.g. logos are sent.", "Approx. 3 days."]),
        ("Logos, flyers, etc. are included.", ["Logos, flyers, etc. are included."]),
        ("Logos, flyers, etc. Two revisions.", ["Logos, flyers, etc.", "Two revisions."]),
        ("Delivery in 3 days. Revisions: 2.", ["Delivery in 3 days.", "Revisions: 2."]),
    ],
)
def test_a_full_stop_after_an_abbreviation_does_not_end_the_sentence(body, clauses):
    assert _clauses(body) == clauses


def _titles(body: str) -> dict[str, str]:
    document = Document(parse(f"---\nkind: production\n---\n{body}\n", "a.md"))
    text = [document.chars[c.start : c.end].strip() for c in document.clauses]
    return {text[clause]: text[title] for clause, title in document.titles.items()}


@pytest.mark.parametrize(
    "body, titles",
    [
        (
            "【修正について】\n2回まで無料です。\n3回目以降は有料です。",
            {"2回まで無料です。": "【修正について】", "3回目以降は有料です。": "【修正について】"},
        ),
        ("■修正\n・最大3回\n<納期>\n3日", {"・最大3回": "■修正", "<納期>": "■修正", "3日": "<納期>"}),
        (
            "## Revisions\n- Two rounds\nRevisions:\n- up to 3",
            {"- Two rounds": "## Revisions", "Revisions:": "## Revisions", "- up to 3": "Revisions:"},
        ),
        # capitals and check marks; a mark that opens the next line too is a list, not a title
        (
            "REVISIONS\n✅ Two rounds\nExtra rounds: $10",
            {"✅ Two rounds": "REVISIONS", "Extra rounds: $10": "✅ Two rounds"},
        ),
        ("【納品物】\n■ロゴ(PNG)\n■名刺(PDF)", {"■ロゴ(PNG)": "【納品物】", "■名刺(PDF)": "【納品物】"}),
        # a sentence, a list item or a label with text after it is no title
        ("修正は2回までです。\n納期は3日です。", {}),
        ("・ロゴ3点\n・名刺", {}),
        ("Revisions: 2\nDelivery: 3 days", {}),
        # a table's header row is the title of its rows, until the table ends
        (
            "## 料金\n| プラン | 修正回数 |\n|---|---|\n| ライト | 1回 |\n以上です。",
            {
                "| プラン | 修正回数 |": "## 料金",
                "|---|---|": "| プラン | 修正回数 |",
                "| ライト | 1回 |": "| プラン | 修正回数 |",
                "以上です。": "## 料金",
            },
        ),
    ],
)
def test_the_clauses_under_a_title_are_read_with_it(body, titles):
    assert _titles(body) == titles


@pytest.mark.parametrize(
    "body, found",
    [
        ("【キャンセル・返金】\n【最後に】\nよろしくお願いします。", [("LL109", 1)]),  # a bracketed title over nothing
        ("【キャンセル・返金】\n納品後の返金はできません。", []),
        ("■キャンセル・返金\n■最後に", []),  # a marked line may be a list item: it counts as text
    ],
)
def test_a_bracketed_title_with_nothing_under_it_states_nothing(body, found):
    text = f"---\nkind: production\nlanguage: ja\n---\nロゴを制作いたします。\n{body}\n"
    assert [(f.code, f.line) for f in lint_text(text, "a.md", Config(select=["LL109"]))] == found


def test_a_title_names_the_subject_but_states_nothing_alone():
    def findings(body: str) -> list[tuple[str, int]]:
        text = f"---\nkind: production\nlanguage: ja\n---\nロゴを制作いたします。\n{body}\n"
        return [(f.code, f.line) for f in lint_text(text, "a.md", Config(select=["LL101"]))]

    assert findings("【修正について】\n2回まで無料です。") == []
    assert findings("【修正について】\nご相談ください。") == [("LL101", 1)]
    assert findings("【料金】\n2回までのご依頼で割引します。") == [("LL101", 1)]


def test_a_clause_across_a_line_break_states_the_safeguard_and_reports_at_the_file_line():
    text = "---\nkind: production\n---\nロゴを作ります。\n無料の修正は\n2回までとなります。\n"
    assert lint_text(text, "a.md", Config(select=["LL101"])) == []
    placeholder = "---\nkind: production\n---\nロゴを作ります。\n無料の修正は\n●回までです。\n"
    assert [(f.code, f.line, f.column) for f in lint_text(placeholder, "a.md", Config(select=["LL203"]))] == [
        ("LL203", 6, 1)
    ]


@pytest.mark.parametrize(
    "clause, question",
    [
        ("Q. LINEで連絡できますか?", True),
        ("修正は何回までですか", True),
        ("ご相談いただけますでしょうか?", True),
        ("Zoomでお話ししませんか?", False),  # an invitation, not a buyer's question
        ("納品形式はPNGかJPGのどちらか", False),
        ("Q: Can we talk on WhatsApp?", True),
        ("Do you offer refunds?", True),
        ("Need it faster? Message me on WhatsApp!", False),  # the question is its own clause
        ("Unlimited revisions?", False),
    ],
)
def test_a_buyers_question_is_known_as_one(clause, question):
    document = Document(parse(f"---\nkind: production\n---\n{clause}\n", "a.md"))
    assert (0 in document.questions) == question


def test_a_faq_answer_is_read_with_its_question_and_the_question_part_offers_nothing():
    body = "Q. 修正は何回までですか？\nA. 2回まで無料です。それ以上は有料です。\nQ: Can we use WhatsApp? A: No."
    document = Document(parse(f"---\nkind: production\n---\n{body}\n", "a.md"))
    texts = [document.chars[c.start : c.end].strip() for c in document.clauses]
    assert texts == [
        "Q. 修正は何回までですか? A. 2回まで無料です。",
        "それ以上は有料です。",
        "Q: Can we use WhatsApp? A: No.",
    ]
    assert sorted(document.answers) == [0, 2] and document.questions == frozenset()
    answer = document.answers[0]
    assert document.chars[answer : answer + 2] == "A."


@pytest.mark.parametrize(
    "body, found",
    [
        ("Q. 修正は何回までですか？\nA. 2回まで無料で承ります。", []),  # the answer states the cap
        ("Q. 修正は無制限ですか？\nA. いいえ、2回までです。", []),  # the question promises nothing
        ("Q. 修正は何回でも可能ですか？\nA. はい、何度でも修正いたします!", [("LL101", 6)]),  # the answer does
        ("Q: How many revisions are included?\nA: Up to two.", []),
        ("Q: Are revisions unlimited?\nA: Yes, unlimited revisions until you love it.", [("LL101", 6)]),
    ],
)
def test_revision_cap_in_a_faq(body, found):
    text = f"---\nkind: production\n---\nロゴ・バナーのデザインです。\n{body}\n"
    assert [(f.code, f.line) for f in lint_text(text, "a.md", Config(select=["LL101"]))] == found


@pytest.mark.parametrize(
    "body, clauses, answers",
    [
        # a sentence ending in "?" that asks nothing is read with the next as one statement
        ("No reply after 5 days? The order is marked complete.", 1, 0),
        ("ご返信がない場合は？ 3日後に自動で完了となります。", 1, 0),
        # a buyer's question without Q./A. is read with its answer
        ("How many revisions do I get? Two rounds are included.", 1, 1),
        ("修正はできますか？\nはい、2回まで無料です。", 1, 1),
        # a question followed by another question stays alone
        ("Do you do logos? Do you do banners? Yes, both.", 2, 1),
    ],
)
def test_a_question_is_read_with_what_follows_it(body, clauses, answers):
    document = Document(parse(f"---\nkind: production\n---\n{body}\n", "a.md"))
    assert (len(document.clauses), len(document.answers)) == (clauses, answers)


@pytest.mark.parametrize(
    "body, found",
    [
        ("No reply after 5 days? The order is marked complete.", []),
        ("If you don't reply? Then we talk.", [("LL102", 1)]),
    ],
)
def test_a_silence_clause_split_by_a_question_mark(body, found):
    text = f"---\nkind: production\nlanguage: en\n---\nI design logos for small shops.\n{body}\n"
    assert [(f.code, f.line) for f in lint_text(text, "a.md", Config(select=["LL102"]))] == found


@pytest.mark.parametrize(
    "answer, found",
    [
        ("A: If you haven't replied within 5 days, the order is marked complete.", []),
        ("A: If I don't reply within 5 days, the order is cancelled.", [("LL102", 1)]),  # the answer's own
    ],
)
def test_a_negation_in_a_faq_question_denies_nothing(answer, found):
    body = f"Q: What if I don't reply after you deliver?\n{answer}"
    text = f"---\nkind: production\nlanguage: en\n---\nI design logos for small shops.\n{body}\n"
    assert [(f.code, f.line) for f in lint_text(text, "a.md", Config(select=["LL102"]))] == found


@pytest.mark.parametrize(
    "answer, found",
    [
        ("A. 5日以内にご返信がない場合は、取引完了とさせていただきます。", []),
        ("A. 5日以内にご返信がない場合でも、自動で完了することはありません。", [("LL102", 1)]),  # the answer denies
    ],
)
def test_a_japanese_negation_in_a_faq_question_denies_nothing(answer, found):
    body = f"Q. 納品後に返信しないと、取引は完了しませんか？\n{answer}"  # 完了しません: a negation
    text = f"---\nkind: production\nlanguage: ja\n---\nロゴを制作いたします。\n{body}\n"
    assert [(f.code, f.line) for f in lint_text(text, "a.md", Config(select=["LL102"]))] == found


@pytest.mark.parametrize(
    "language, body, found",
    [
        ("en", "Q: Can we talk on WhatsApp?\nA: Yes, sure! Just ask.", [("LL201", 8)]),
        ("en", "Q: Can we talk on WhatsApp?\nA: Sorry, no. Everything stays on Fiverr.", []),
        ("en", "Q: Can we talk on WhatsApp?\nA: Yes, but only here on Fiverr.", []),  # no plain yes
        ("en", "Q: Can we talk on Zoom?\nA: Sure, a quick Zoom call works.", [("LL201", 9)]),  # once, in the answer
        ("ja", "Q. LINEでやり取りできますか？\nA. はい、可能です。", [("LL201", 8)]),
        ("ja", "Q. LINEでやり取りできますか？\nA. はい、ただしご購入後はココナラ内のみです。", []),
    ],
)
def test_a_plain_yes_makes_the_question_a_statement(language, body, found):
    platform = "fiverr" if language == "en" else "coconala"
    text = f"---\nplatform: {platform}\nlanguage: {language}\nkind: production\n---\nI design logos.\n\n{body}\n"
    assert [(f.code, f.line) for f in lint_text(text, "a.md", Config(select=["LL201"]))] == found


def test_an_outside_tool_in_a_faq_question_is_no_offer_but_in_its_answer_it_is():
    text = "---\nkind: production\n---\nQ. LINEで連絡できますか？\nA. はい、LINEでご連絡ください。\n"
    assert [(f.code, f.line, f.column) for f in lint_text(text, "a.md", Config(select=["LL201"]))] == [("LL201", 5, 7)]


def test_a_finding_conditioned_on_a_faq_answer_sits_on_the_answer():
    """LL302's place is where LL102 is stated: the answer's line, not the question's."""
    question = "Q. 途中で連絡が取れなくなったらどうなりますか?"
    body = f"{question}\nA. 納品後5日以内にご返信がない場合は、検収完了とさせていただきます。"
    text = f"---\nkind: production\n---\nロゴを制作します。\n{body}\n"
    assert [(f.code, f.line) for f in lint_text(text, "a.md", Config(select=["LL302"]))] == [("LL302", 6)]
