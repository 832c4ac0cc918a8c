"""The morphological reader for Chinese, Japanese and Korean (attribution/cjk.py and its
analysers), on hand-made sentences."""

from __future__ import annotations

import pytest

from quotes import attribute, extract_quotes
from quotes.attribution import cjk, ja, ko, zh
from quotes.attribution.candidates import Candidate, Neighbours
from quotes.pipeline import Options, quote_spans


def _reader_candidates(text: str, lang: str, index: int = 0) -> dict[str, Candidate]:
    lex, _, spans, paras = quote_spans(text, lang)
    ctx = attribute.contexts(text, spans, paras, lex)[index]
    return {c.mention.text: c for c in cjk.candidates(ctx)}


@pytest.mark.parametrize(
    ("analyse", "text", "word", "role"),
    [
        (ja.tokens, "林芳正官房長官は述べた。", "林", "name"),
        (ja.tokens, "林芳正官房長官は述べた。", "は", "topic"),
        (ja.tokens, "外務省が発表した。", "が", "subject"),
        (zh.tokens, "赵立坚说，", "赵立坚", "name"),
        (zh.tokens, "他表示", "他", "pron"),
        (zh.tokens, "外交部发言人表示", "发言人", "title"),
        (zh.tokens, "一位香港媒体记者大声问总理:", "问", "verb"),  # jieba tags it a noun
        (zh.tokens, "他形容泽连斯基", "形容", "verb"),
        (ko.tokens, "고민정 대변인은 말했다.", "고민정", "name"),
        (ko.tokens, "고민정 대변인은 말했다.", "은", "topic"),
        (ko.tokens, "청와대가 밝혔다.", "가", "subject"),
        (ko.tokens, "“없다”라고 말했다.", "라고", "quotative"),
    ],
)
def test_analysers_give_universal_roles(analyse, text: str, word: str, role: str) -> None:  # type: ignore[no-untyped-def]
    tokens = analyse(text, 10)
    tok = next(t for t in tokens if t.text == word)
    assert tok.role == role
    assert text[tok.start - 10 : tok.end - 10] == word  # offsets are the window's plus its offset


def test_korean_noun_and_light_verb_are_one_verb() -> None:
    tokens = ko.tokens("그는 강조했다.", 0)
    assert any(t.text == "강조하" and t.role == "verb" for t in tokens)


def test_japanese_topic_before_the_quote_is_marked() -> None:
    text = "林芳正官房長官は22日の記者会見で「極めて不適切だ」と述べた。"
    cands = _reader_candidates(text, "ja")
    hayashi = cands["林芳正官房長官"]
    assert hayashi.features["cjk:marked_topic"] == 1.0
    assert hayashi.features["cjk:before"] == 1.0 and hayashi.features["cjk:nearest0"] == 1.0


def test_a_parenthesised_age_does_not_hide_the_topic() -> None:
    text = "松岡サチエさん(78)は避難所に来た。「温かいものはうれしかった」。"
    cands = _reader_candidates(text, "ja")
    speaker = next(c for t, c in cands.items() if t.startswith("松岡"))
    assert speaker.features["cjk:marked_topic"] == 1.0
    assert speaker.features["cjk:previous"] == 1.0


def test_chinese_speaker_after_the_quote_with_its_cue() -> None:
    text = "“今天是星期五。”赵立坚说。"
    cands = _reader_candidates(text, "zh")
    assert cands["赵立坚"].features["cjk:after"] == 1.0
    assert cands["赵立坚"].features["cjk:cue_follows"] == 1.0


def test_korean_subject_with_title_and_topic() -> None:
    text = "고민정 청와대 대변인은 “발언이 난무한다”며 이같이 말했다."
    cands = _reader_candidates(text, "ko")
    speaker = next(c for t, c in cands.items() if t.startswith("고민정"))
    assert speaker.features["cjk:marked_topic"] == 1.0 and speaker.features["cjk:name"] == 1.0


def test_the_person_an_interview_is_about_answers_its_questions() -> None:
    text = (
        "日本サッカー協会は森保一氏の就任を発表した。森保氏が記者会見を行った。\n"
        "――監督就任を聞いたのはいつごろ。\n"
        "「正式に決まったのは今日。即決した」"
    )
    cands = _reader_candidates(text, "ja")
    assert any(c.features.get("cjk:protagonist") == 1.0 and "森保" in t for t, c in cands.items())


def test_nobody_inside_another_quote_is_a_candidate() -> None:
    text = "赵立坚提醒说：“请蓬佩奥先把欠费交了。”"
    lex, _, spans, paras = quote_spans(text, "zh")
    ctx = attribute.contexts(text, spans, paras, lex)[0]
    cands = attribute.candidates(ctx, attribute.proposals(ctx), Neighbours(), attribute.inside(spans))
    assert all("蓬佩奥" not in c.mention.text for c in cands)


@pytest.mark.parametrize(
    ("text", "lang", "speaker"),
    [
        ("林芳正官房長官は22日の記者会見で「極めて不適切だ」と述べた。", "ja", "林芳正"),
        ("고민정 청와대 대변인은 “발언이 난무한다”며 이같이 말했다.", "ko", "고민정"),
        ("赵立坚表示：“美方做法违反国际法。”", "zh", "赵立坚"),
    ],
)
def test_end_to_end_speakers(text: str, lang: str, speaker: str) -> None:
    found = extract_quotes(text, lang=lang)
    assert len(found) == 1
    assert found[0].speaker is not None and found[0].speaker.startswith(speaker)


def test_a_korean_closing_mark_before_a_particle_is_no_apostrophe() -> None:
    text = "황교안 대표가 ‘김정은의 대변인’이란 취지로 언급했다."
    found = extract_quotes(text, options=Options(lang="ko", include_terms=True))
    assert [q.quote for q in found] == ["김정은의 대변인"]


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        ("고민정 청와대 대변인은 “발언이 난무한다”며 말했다.", "고민정", "청와대 대변인"),
        (
            "고민정 청와대 대변인은 기자들을 만났다.\n고 대변인은 “그 말로 답변을 갈음하겠다”고 말했다.",
            "고민정",
            "대변인",
        ),
        # a country before the name is its affiliation; a body before a title is an unnamed official
        ("미국 바이든 대통령은 성명을 통해 “동맹은 굳건하다”고 강조했다.", "바이든", "미국 대통령"),
        ("청와대 관계자는 기자들과 만나 “아직 결정된 것은 없다”고 전했다.", "청와대 관계자", None),
        ("“수요가 회복될 것”이라는 게 업계 관계자의 설명이다.", "업계 관계자", None),
        # the quote first: the tagger reads 라고 after its closing mark, not as a noun
        ("“지금은 대화할 때가 아니다”라고 정의용 외교부 장관은 밝혔다.", "정의용", "외교부 장관"),
        (
            "“대화할 때가 아니다”라고 정의용 외교부 장관은 밝혔다.\n정 장관은 “준비가 돼 있다”고 말했다.",
            "정의용",
            "장관",
        ),
        ("한편 일본 기시다 후미오 총리는 “관계 개선을 환영한다”고 밝혔다.", "기시다 후미오", "일본 총리"),
        ("미국 국무부 대변인은 “우려하고 있다”고 말했다.", "미국 국무부 대변인", None),
        ("김모(35)씨는 “전혀 몰랐다”고 진술했다.", "김모", "씨"),
        ("가족을 잃은 A씨는 “아직도 믿기지 않는다”라고 했다.", "A씨", None),
        ("국민의힘은 이날 논평을 내고 “사실이 아니다”라고 반박했다.", "국민의힘", None),
        (  # "this official": the one described before
            "산업통상자원부 관계자는 “회복세에 들어섰다”고 설명했다. "
            "이 관계자는 “더 좋아질 것”이라고 덧붙였다.",
            "산업통상자원부 관계자",
            None,
        ),
    ],
)
def test_korean_names_keep_titles_apart_and_surname_titles_find_the_person(
    text: str, speaker: str, title: str
) -> None:
    q = extract_quotes(text, lang="ko")[-1]
    assert (q.speaker, q.speaker_title) == (speaker, title)


def test_a_korean_sentence_ends_at_its_full_stop_and_a_plural_can_speak() -> None:
    text = "삼성전자는 “투자를 늘릴 계획”이라고 밝혔다. 업계 전문가들은 “회복이 빠를 것”이라고 내다봤다."
    assert [q.speaker for q in extract_quotes(text, lang="ko")] == ["삼성전자", "업계 전문가들"]


def test_a_korean_cue_after_the_quote_is_the_speakers_before_it() -> None:
    q = extract_quotes("문재인 대통령은 국무회의에서 “역량을 집중하겠다”고 말했다.", lang="ko")[0]
    assert (q.speaker, q.cue) == ("문재인", "말하")


@pytest.mark.parametrize(
    ("text", "lang", "speakers"),
    [
        (  # a digest of remarks: the quote on its own line, then who said it and where
            "新聞から言葉を読む\n"
            "「全力で取り組みたい」=15日付『毎日新聞』\n"
            "武見敬三厚生労働相=写真=が就任会見で、医師会との関係を問われて。\n"
            "「優勝を分かち合いたい」=15日付『読売新聞』\n"
            "プロ野球のセ・リーグは、阪神が優勝した。岡田彰布監督が優勝インタビューで。",
            "ja",
            ["武見敬三", "岡田彰布"],
        ),
        ("“아이들이 안전해야 합니다.”\n서울에 사는 학부모 최모(42)씨의 말이다.", "ko", ["최모"]),
    ],
)
def test_the_next_line_says_who_said_a_quote_standing_alone(
    text: str, lang: str, speakers: list[str]
) -> None:
    found = [q for q in extract_quotes(text, lang=lang) if q.kind != "term"]
    assert [q.speaker for q in found] == speakers


def test_korean_authorities_can_speak() -> None:
    text = "한 주민은 “잠을 못 잤다”고 말했다. 소방당국은 “화재 원인을 조사 중”이라고 밝혔다."
    assert [q.speaker for q in extract_quotes(text, lang="ko")] == ["주민", "소방당국"]


def test_the_topic_is_carried_to_a_quote_with_no_subject() -> None:
    text = (
        "自宅が冠水したという松岡サチエさん(78)は6日昼、避難所に来た。食事は当初、おにぎりが中心だった。\n"
        "持病の薬は家から持ち出したが、湿布は忘れてしまった。避難所は混んでいる。食事は温かい。"
        "夜は寒い。毛布は足りている。水は出ない。電気はついた。\n"
        "「何とかしないと」と不安を抱く。"
    )
    cands = _reader_candidates(text, "ja")
    assert any(c.features.get("cjk:carried_topic") == 1.0 and t.startswith("松岡") for t, c in cands.items())


def test_a_kanji_numeral_written_into_a_name_stays_in_it() -> None:
    cands = _reader_candidates("自民党の二階幹事長は「大変立派な説明だ」と述べた。", "ja")
    assert "二階幹事長" in cands and "階幹事長" not in cands


def test_a_phrase_does_not_run_across_a_line_break() -> None:
    text = "政府・与党、責任転嫁体質に逆戻り\n仙谷氏は会見で「審議しない理由を探さないほうがいい」と述べた。"
    cands = _reader_candidates(text, "ja")
    assert all("\n" not in t for t in cands)
    assert any(t.startswith("仙谷") for t in cands)


def test_the_nearest_subject_in_the_quotes_sentence_is_marked_so() -> None:
    text = "渡辺喜美代表は反論した。比較的穏健な公明党幹部も「もう会談は開かない方がよい」とさじを投げた。"
    cands = _reader_candidates(text, "ja")
    near, far = cands["公明党幹部"], cands["渡辺喜美代表"]
    assert near.features.get("cjk:nearest_marked") == 1.0 and near.features.get("cjk:topic@before") == 1.0
    assert "cjk:nearest_marked" not in far.features and far.features.get("cjk:topic@previous") == 1.0


def test_the_subject_of_a_reporting_verb_earlier_in_the_sentence() -> None:
    text = "川普28日在社交媒体上发文说，泽连斯基“未准备好实现和平”。"
    cands = _reader_candidates(text, "zh")
    assert cands["川普"].features.get("cjk:cue_subject") == 1.0
    assert "cjk:cue_subject" not in cands["泽连斯基"].features


def _proposals(text: str, lang: str, index: int = 0) -> dict[str, str]:
    lex, _, spans, paras = quote_spans(text, lang)
    ctx = attribute.contexts(text, spans, paras, lex)[index]
    return {rule: found.mention.text for rule, found in attribute.proposals(ctx) if found.mention}


def test_a_reporting_verb_earlier_in_the_sentence_proposes_its_subject() -> None:
    text = "报道称，张伟在社交媒体上发帖称，李明在会谈中受到“狠狠一击”。"
    assert _proposals(text, "zh")["reported_clause"] == "张伟"


def test_a_chinese_cue_after_a_quote_ends_its_clause() -> None:
    # 他形容 takes an object and the next quote: it does not claim the quote before it
    text = "张伟发帖称，李明受到“狠狠一击”，他形容李明“毫无诚意”。"
    assert "zh_after" not in _proposals(text, "zh", 0)
    assert _proposals("“我们会坚持到底。”王毅表示。", "zh")["zh_after"] == "王毅"


def test_a_conjunction_is_no_part_of_a_chinese_speaker() -> None:
    assert _proposals("泽连斯基表示感谢，但他同时强调：“和平需要正义。”", "zh")["zh_before"] == "他"


def test_a_chinese_pronoun_with_nobody_quoted_before_is_the_person_named_before() -> None:
    text = "總統蔡英文1日接受專訪，挑戰快問快答，她透露：「我最想改變這件事。」"
    assert [q.speaker for q in extract_quotes(text, lang="zh")] == ["蔡英文"]


@pytest.mark.parametrize(
    ("text", "lang", "asker", "feature"),
    [
        ("一位香港媒体记者大声问总理：“今年是否有更多惠港政策?”", "zh", "记者", "cjk:asker_question"),
        ("기자들이 “청와대의 입장은 뭐냐”고 물었다.", "ko", "기자들", "cjk:asker_question"),
        ("记者会结束，总理对记者说：“谢谢大家。”", "zh", "记者", "cjk:asker"),
    ],
)
def test_who_asks_a_quoted_question(text: str, lang: str, asker: str, feature: str) -> None:
    cands = _reader_candidates(text, lang)
    found = next(c for t, c in cands.items() if asker in t)
    assert found.features.get(feature) == 1.0
