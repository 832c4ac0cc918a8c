from __future__ import annotations

import pytest

from quotes import extract_quotes
from quotes.pipeline import Options


def only(text: str, lang: str = "en"):
    """The one quotation in `text`, kept whatever its kind: these tests are about its speaker."""
    found = extract_quotes(text, options=Options(lang=lang, include_terms=True))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "speaker", "method", "cue"),
    [
        ("“We will win,” said Maria Lopez.", "Maria Lopez", "quote-cue-speaker", "said"),
        ("“We will win,” Maria Lopez told reporters.", "Maria Lopez", "quote-speaker-cue", "told"),
        ("“We will win,” Lopez, who took office in May, said.", "Lopez", "quote-speaker-cue", "said"),
        ("Maria Lopez told reporters, “We will win this fight.”", "Maria Lopez", "speaker-cue-quote", "told"),
        ("Maria Lopez said: “We will win this fight.”", "Maria Lopez", "speaker-cue-quote", "said"),
        ("LOPEZ: Well, look, “we are not going anywhere.”", "Lopez", "colon", ":"),
        ("It was “a done deal,” according to Maria Lopez.", "Maria Lopez", "according-to", "according to"),
        (
            "Maria Lopez said her rival had run “a shabby campaign” all year.",
            "Maria Lopez",
            "sentence-cue",
            "said",
        ),
        ("„Wir schaffen das“, sagte Angela Merkel.", "Angela Merkel", "quote-cue-speaker", "sagte"),
        (
            "“We are ready,” White House press secretary Josh Earnest said.",
            "Josh Earnest",
            "quote-speaker-cue",
            "said",
        ),
        ("“We are ready,” Gov. Mike Pence (R-IN) said.", "Mike Pence", "quote-speaker-cue", "said"),
        (
            "The ad shows Hillary Clinton asking, “Why aren’t I 50 points ahead?”",
            "Hillary Clinton",
            "speaker-cue-quote",
            "asking",
        ),
        (
            "Bill Clinton criticized the law as a “crazy system” at a rally.",
            "Bill Clinton",
            "sentence-cue",
            "criticized",
        ),
        (
            "Trump openly admires Vladimir Putin as a “strong leader,” comparing him to Obama.",
            "Trump",
            "sentence-subject",
            "admires",
        ),
    ],
)
def test_rules(text: str, speaker: str, method: str, cue: str) -> None:
    lang = "de" if "sagte" in text else "en"
    q = only(text, lang)
    assert (q.speaker, q.method, q.cue) == (speaker, method, cue)
    assert text[q.speaker_start : q.speaker_end] == q.speaker_mention


@pytest.mark.parametrize(
    ("text", "mention", "method"),
    [
        (
            "„Das ist gut“, sagte der zuständige Gewerkschaftsvorstand Uwe Foullong.",
            "der zuständige Gewerkschaftsvorstand Uwe Foullong",
            "quote-cue-speaker",
        ),
        (
            "Der englischsprachigen Zeitung sagte Filep Karma: „Ich werde kämpfen.“",
            "Filep Karma",
            "cue-speaker-quote",
        ),
        ("Die Pläne bezeichnete er als einen „Akt des politischen Verbrechertums“.", "er", "sentence-cue"),
        (
            "Er halte das für vertretbar und bezeichnete die Erweiterung als „maßvoll und richtig“.",
            "Er",
            "sentence-cue",
        ),
        (
            "„Wir wollen enger kooperieren“, hatte VW-Chef Winterkorn in einem Interview erklärt.",
            "VW-Chef Winterkorn",
            "quote-speaker-cue",
        ),
        ("Sie wird mit den Worten zitiert: „Ich will nicht im Wege stehen.“", "Sie", "speaker-cue-quote"),
        (
            "Laut Innenminister Schäuble ist die Lage „ernst, aber beherrschbar“.",
            "Innenminister Schäuble",
            "according-to",
        ),
        (
            "Die Autoren der Studie werfen den Behörden vor: „Eine Prüfung findet nicht statt.“",
            "Die Autoren der Studie",
            "colon-subject",
        ),
        (
            "Die Frankfurter Rundschau zitiert einen Augenzeugen mit den Worten: „Der Mann rannte davon.“",
            "einen Augenzeugen",
            "speaker-cue-quote",
        ),
        (  # the subject stands before the verb: what follows it is an object
            "Sie warf der Bundesregierung vor, diese „massiven Einschränkungen“ zu beschließen.",
            "Sie",
            "sentence-cue",
        ),
        (  # 'und' joins two verbs with one subject
            "Die CCE bestätigte die Aussage nicht und nannte sie „reine Spekulation“.",
            "Die CCE",
            "sentence-cue",
        ),
        (
            "Museumsdirektor Thomas Metz hat anlässlich der Eröffnung erklärt: „Ein spannendes Stück.“",
            "Museumsdirektor Thomas Metz",
            "speaker-cue-quote",
        ),
        (
            "In einem Positionspapier des Ministeriums heißt es, die Regeln hätten sich bewährt. "
            "Deshalb sei es „folgerichtig, sie beizubehalten“.",
            "einem Positionspapier des Ministeriums",
            "previous-sentence",
        ),
        (
            "Der Minister reagierte gelassen: Mit den Worten „Jetzt wird alles diskutiert“, "
            "richtete er den Blick nach vorn.",
            "er",
            "sentence-cue",
        ),
        (
            "Wer noch keine „leistungsaushelfende Versicherung“ hat, muss sie bis zum 14. Juli vorweisen. "
            "Dies gibt der Landesapothekerverband bekannt.",
            "der Landesapothekerverband",
            "following-sentence",
        ),
        (
            "„Die Lage ist ernst“, so charakterisierte ihn der Gewerkschafter Bernard Aubin.",
            "der Gewerkschafter Bernard Aubin",
            "quote-cue-speaker",
        ),
    ],
)
def test_german_word_order(text: str, mention: str, method: str) -> None:
    q = only(text, "de")
    assert (q.speaker_mention, q.method) == (mention, method)


def test_a_german_pronoun_stands_for_the_body_that_opens_the_sentence() -> None:
    # the subordinate clause's "sie" is the same body: whichever of the two is chosen, it speaks
    text = (
        "Die Vereinigung schlug in die gleiche Kerbe, indem sie den Aufsichtsrat zum Handeln aufforderte: "
        "„Jetzt ist der Aufsichtsrat gefordert.“"
    )
    q = only(text, "de")
    assert (q.speaker, q.speaker_type) == ("Vereinigung", "organization")


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "speaker_type"),
    [
        ("fr", "« Nous allons continuer », a déclaré Emmanuel Macron mardi.", "Emmanuel Macron", "person"),
        (  # a description with a name in apposition is that name
            "fr",
            "Le ministre de l'Intérieur, Gérald Darmanin, a affirmé : « La situation est sous contrôle. »",
            "Gérald Darmanin",
            "person",
        ),
        ("fr", "« C'est inacceptable », estime la CGT dans un communiqué.", "CGT", "organization"),
        ("fr", "Marine Le Pen a parlé. « Nous ne céderons pas », a-t-elle lancé.", "Marine Le Pen", "person"),
        (
            "fr",
            "Le ministère de l'Intérieur a indiqué : « Trois personnes ont été interpellées. »",
            "ministère de l'Intérieur",
            "organization",
        ),
        ("es", "«Vamos a ganar», dijo Pedro Sánchez en Madrid.", "Pedro Sánchez", "person"),
        (
            "es",
            "Según el Ministerio de Salud, la situación es «preocupante».",
            "Ministerio de Salud",
            "organization",
        ),
        ("es", "«Es una vergüenza», denunció el sindicato en un comunicado.", "sindicato", "organization"),
    ],
)
def test_french_and_spanish(lang: str, text: str, speaker: str, speaker_type: str) -> None:
    q = only(text, lang)
    assert (q.speaker, q.speaker_type) == (speaker, speaker_type)


def test_one_of_a_group_speaks_and_a_cue_before_a_colon_opens_the_next_quote() -> None:
    text = (
        "Y el alcalde, sin cambiar el gesto, sentenció:\n\n«Ruego a los agentes que los desalojen»; "
        "ante esta orden, una de las afectadas respondió: «Antes de que nos eches, nos vamos nosotros»."
    )
    first, second = extract_quotes(text, lang="es")
    assert first.speaker_mention == "el alcalde"
    assert second.speaker_mention == "una de las afectadas"


def test_a_participle_opening_the_sentence_is_no_name() -> None:
    text = (
        "Consultada sobre esa versión, Palazón negó haber recibido la información. "
        "“Eso yo no lo sé. Ayer fue un día tremendo”, expresó."
    )
    assert only(text, "es").speaker == "Palazón"


def test_fragment_takes_speaker_of_next_quote_in_its_sentence() -> None:
    text = "Die „unter Druck stehenden Soldaten“ hätten „unschuldige Zivilisten getötet“, so Murtha."
    first, second = extract_quotes(text, lang="de")
    assert first.speaker == second.speaker == "Murtha"
    assert (first.method, second.method) == ("continuation", "quote-cue-speaker")


def test_quote_after_a_reporting_sentence_is_its_speakers() -> None:
    text = "John Kline sagte zu den Anschuldigungen, dass es kein Unfall war. „Das war direktes Feuer.“"
    q = only(text, "de")
    assert (q.speaker, q.method) == ("John Kline", "previous-sentence")


@pytest.mark.parametrize(
    ("text", "mention", "method"),
    [
        (
            "“We will get justice,” Tulsa police Chief Chuck Jordan said Monday.",
            "Tulsa police Chief Chuck Jordan",
            "quote-speaker-cue",
        ),
        ("“So why didn’t he pay?” a narrator in the Clinton ad asks.", "a narrator", "quote-speaker-cue"),
        ("“You squeezed employees” to drive up the price, she said.", "she", "sentence-cue"),
        (
            "Politifact checked Donald Trump’s claim that there were “thousands of shootings” this year.",
            "Donald Trump",
            "sentence-cue",
        ),
        (
            "He’s claiming that voting fraud is “a big, big problem in this country” today.",
            "He",
            "sentence-cue",
        ),
        (
            "Trump took to Twitter to accuse the campaign of being “duped by a con” again.",
            "Trump",
            "sentence-subject",
        ),
        (
            "Trump ‘The Dealmaker’ Could Address Clean Energy, Lindsey Graham Says",
            "Lindsey Graham",
            "sentence-cue",
        ),
        (
            "“The most unqualified child to ever run for president.” ― Francisco Herrero",
            "Francisco Herrero",
            "quote-signed",
        ),
        (
            "Donald Trump is once again questioning whether the system is “on the up and up” today.",
            "Donald Trump",
            "sentence-subject",
        ),
        (
            "During a national security speech earlier in the day, Trump attacked Clinton for her support "
            "of military action in Iraq and Libya, saying, “She's trigger-happy and very unstable.”",
            "Trump",
            "participle",
        ),
        (  # the object of a preposition is not the subject of 'arguing'
            "Hillary Clinton spoke out about the death of Terence Crutcher in Tulsa, Oklahoma, arguing that "
            "it should be recognized as “intolerable.”",
            "Hillary Clinton",
            "participle",
        ),
        (  # 'States' is not the verb 'states'
            "Secretary of State John Kerry said the United States would take “robust steps” in response.",
            "Secretary of State John Kerry",
            "sentence-cue",
        ),
        (
            "Some say she does not care. Said Ellis: “Not at all interested in reform.”",
            "Ellis",
            "cue-speaker-quote",
        ),
        ("“They are 100 percent wrong,” said 9/11 widow Terry Strada.", "Terry Strada", "quote-cue-speaker"),
        ("Mook told CBS, “We are focused on the issues.”", "Mook", "speaker-cue-quote"),
        (  # 'chants' after 'with' is a noun; 'Pressure', in lower case elsewhere, is no name
            "Pressure is building on McAuliffe, who was greeted with chants of “Bobby!” at a conference, "
            "according to union president Doris Crouse-Mays. The pressure grows.",
            "Doris Crouse-Mays",
            "according-to",
        ),
        ("Japan branded North Korea an “outlaw nation in the neighborhood.”", "Japan", "sentence-cue"),
        (
            "The spot ends with footage of Trump saying during the debate, “That makes me smart,” "
            "when Clinton blasted him.",
            "Trump",
            "speaker-cue-quote",
        ),
        (  # a quote that closes no clause: what follows it is the object, not a speaker
            "Hillary Clinton is describing as “unhinged” a Donald Trump tweet attacking a beauty queen.",
            "Hillary Clinton",
            "sentence-cue",
        ),
        (
            "“This is a good thing,” said the Rev. Peter Wherry, of Mayfield Church.",
            "Rev. Peter Wherry",
            "quote-cue-speaker",
        ),
        (  # 'her' is the object of 'asking', never the speaker
            "Blige sings to Clinton before asking her, “I just want to know, where do we go from here?”",
            "Blige",
            "participle",
        ),
        (
            "House Speaker Paul Ryan, R-Wis., despite admitting that he had concerns, said the victims "
            "“do need to have their day in court.”",
            "House Speaker Paul Ryan",
            "participle",
        ),
        (
            "Gary Johnson’s doctor is calling the candidate “extremely physically fit” in a letter.",
            "Gary Johnson’s doctor",
            "sentence-cue",
        ),
        ("Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud’", "Black Lawmakers", "sentence-subject"),
        (
            "“It is an invasion of the state domain,” Scott Pruitt, the attorney general of Oklahoma, "
            "one of the states suing, said on Monday.",
            "Scott Pruitt",
            "quote-speaker-cue",
        ),
        (
            "“Subpoenas are not optional,” panel Chairman Rep. Jason Chaffetz (R-Utah) said.",
            "Chairman Rep. Jason Chaffetz",
            "quote-speaker-cue",
        ),
        (
            "“Republicans are in a frenzy,” said one Democratic source on the panel.",
            "one Democratic source",
            "quote-cue-speaker",
        ),
        (
            "“Lawful source of investment income,” as a Homeland Security memo put it.",
            "a Homeland Security memo",
            "quote-speaker-cue",
        ),
    ],
)
def test_english_rules(text: str, mention: str, method: str) -> None:
    from quotes.pipeline import Options

    (q,) = extract_quotes(text, options=Options(lang="en", include_terms=True))
    assert (q.speaker_mention, q.method) == (mention, method)


def test_surname_resolves_to_fullest_name_and_title_is_kept_apart() -> None:
    text = "Prime Minister Sanae Takaichi spoke on Friday.\n“It was significant,” Takaichi told reporters."
    q = only(text)
    assert (q.speaker, q.speaker_mention, q.speaker_title) == ("Sanae Takaichi", "Takaichi", "Prime Minister")


def test_pronoun_resolves_to_compatible_person_not_to_nearest_name() -> None:
    text = "Ms. Anna Berg met Mr. Tom Hale on Monday.\n“We should open a new chapter,” she said, per Nippon."
    q = only(text)
    assert (q.speaker, q.speaker_mention, q.cited_source) == ("Anna Berg", "she", "Nippon")


def test_pronoun_is_the_sentence_subject_not_the_nearest_name() -> None:
    text = "Hillary Clinton says she appreciated Alicia Machado’s courage, and she calls it a “war of words.”"
    q = only(text)  # the ranker may read the speaker from the pronoun or from its antecedent
    assert q.speaker == "Hillary Clinton"
    assert q.speaker_mention in ("she", "Hillary Clinton")


def test_they_resolves_to_the_group_named_before() -> None:
    text = "Clinton’s campaign is seeking to contrast her plan with what they call a “self-centered message.”"
    q = only(text)
    assert q.speaker_mention in ("they", "Clinton’s campaign")
    assert q.speaker_type == "organization"
    assert "campaign" in (q.speaker or "")


def test_a_quantifier_stays_with_its_description() -> None:
    text = "Insiders note that both sides publicly described the exchange as “highly” meaningful."
    assert only(text).speaker == "both sides"


def test_they_is_not_a_country_named_in_passing() -> None:
    text = "Takaichi praised the United States' anniversary. They agreed to open a “new chapter.”"
    assert only(text).speaker is None


def test_it_resolves_to_the_organisation_opening_the_sentence() -> None:
    text = "The Security Council pledged further sanctions against what it called “a clear threat to peace.”"
    q = only(text)
    assert q.speaker == "Security Council"
    assert q.speaker_mention in ("it", "The Security Council")


def test_a_fragment_in_reported_speech_is_the_reporters() -> None:
    text = "Trump said during a rally that Clinton once described the deal as “the gold standard” of deals."
    assert only(text).speaker == "Trump"


def test_a_quote_that_ends_its_sentence_does_not_take_the_next_sentences_speaker() -> None:
    text = "Mayor Ann Lee spoke.\n“The plan is dead.” Bo Chen says it will return next year."
    q = only(text)
    assert q.speaker != "Bo Chen"


def test_continuation_keeps_previous_speaker() -> None:
    text = "“First,” Takaichi told reporters after the call. “Second, we agreed to proceed.”"
    first, second = extract_quotes(text, lang="en")
    assert first.speaker == second.speaker == "Takaichi"
    assert second.method == "continuation"
    assert second.confidence < first.confidence


def test_nominal_organisation_resolves_to_fullest_description() -> None:
    text = (
        "The call was confirmed by the Japanese foreign ministry on Friday.\n"
        "“The two exchanged views mainly on the region,” the ministry said."
    )
    q = only(text)
    assert (q.speaker, q.speaker_type, q.speaker_mention) == (
        "Japanese foreign ministry",
        "organization",
        "the ministry",
    )


def test_description_resolves_to_the_person_whose_title_it_echoes() -> None:
    text = (
        "Japanese Prime Minister Sanae Takaichi met the press. Later Mr. Tom Hale arrived.\n"
        "“We will open a new chapter,” the Japanese leader said."
    )
    q = only(text)
    assert (q.speaker, q.speaker_mention) == ("Sanae Takaichi", "the Japanese leader")


def test_unmatched_description_stays_a_description() -> None:
    q = only("“The numbers are clear,” a Japanese government source said.")
    assert (q.speaker, q.speaker_type) == ("Japanese government source", "person")


def test_german_role_and_name_are_split() -> None:
    text = (
        "„Das ist gut“, sagte der zuständige Gewerkschaftsvorstand Uwe Foullong. "
        "Später sagte Foullong: „Wir bleiben.“"
    )
    first, second = extract_quotes(text, lang="de")
    assert (first.speaker, first.speaker_title) == ("Uwe Foullong", "Gewerkschaftsvorstand")
    assert (second.speaker, second.speaker_mention) == ("Uwe Foullong", "Foullong")


def test_unattributed_quote_stays_empty_with_zero_confidence() -> None:
    q = only("The weather was “fine and dry for the season” all week.")
    assert q.speaker is None and q.speaker_start is None and q.confidence == 0.0 and q.method == "none"


@pytest.mark.parametrize(
    ("text", "speaker", "method"),
    [
        ("王毅外长说：“我们会继续合作。”", "王毅外长", "speaker-cue-quote"),
        ("“我们会继续合作。”王毅表示。", "王毅", "quote-speaker-cue"),
    ],
)
def test_chinese_cues(text: str, speaker: str, method: str) -> None:
    q = only(text, "zh")
    assert (q.speaker_mention, q.method) == (speaker, method)


def test_japanese_topic_in_an_earlier_sentence() -> None:
    text = "高市早苗首相は2日、記者団の取材に応じた。「日米同盟の新たな章を開きたい」と強調した。"
    q = only(text, "ja")
    assert q.speaker_mention == "高市早苗首相" and q.cue == "強調した"


def test_japanese_topic_speaker() -> None:
    q = only("岸田文雄首相は記者団に対し「全力で取り組む」と述べた。", "ja")
    assert q.speaker is not None and "岸田文雄" in q.speaker
    assert q.cue == "述べた" and q.method == "topic-cue"


@pytest.mark.parametrize(
    ("text", "speaker", "title", "speaker_type", "method"),
    [
        ("岸田文雄首相は記者団に対し「全力で取り組む」と述べた。", "岸田文雄", "首相", "person", "topic-cue"),
        (
            "「全力で取り組む」。石破茂首相は記者団にこう語った。",
            "石破茂",
            "首相",
            "person",
            "following-sentence",
        ),
        ("「安全が第一だ」と国土交通相は述べた。", "国土交通相", None, "person", "topic-cue"),
        # a title of several words comes off whole: not 片山善博総務 with the title 大臣
        ("片山善博総務大臣は「地方の声を聞く」と述べた。", "片山善博", "総務大臣", "person", "topic-cue"),
        ("会見で林氏は、「努力する」と語った。", "林", "氏", "person", "topic-cue"),
        ("外務省は声明で「深い懸念を表明する」とした。", "外務省", None, "organization", "topic-cue"),
        (
            "米国のトランプ大統領は「日本は素晴らしい同盟国だ」と投稿した。",
            "トランプ",
            "大統領",
            "person",
            "topic-cue",
        ),
    ],
)
def test_japanese_speakers(
    text: str, speaker: str, title: str | None, speaker_type: str, method: str
) -> None:
    q = only(text, "ja")
    assert (q.speaker, q.speaker_title, q.speaker_type, q.method) == (speaker, title, speaker_type, method)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("«Es un día histórico», afirmó la ministra de Trabajo, Yolanda Díaz, tras la reunión.", "es"),
        ("« C'est historique », a déclaré la ministre du Travail, Yolanda Díaz, après la réunion.", "fr"),
        ("“It is a historic day,” said the labour minister, Yolanda Díaz, after the meeting.", "en"),
        ("„Das ist ein historischer Tag“, sagte die Arbeitsministerin, Yolanda Díaz, danach.", "de"),
    ],
)
def test_a_description_set_off_before_a_name_is_that_name(text: str, lang: str) -> None:
    q = only(text, lang)
    assert q.speaker == "Yolanda Díaz" and q.speaker_type == "person"


@pytest.mark.parametrize(
    ("text", "lang", "speaker", "cue"),
    [  # whom it was told comes between the cue and the speaker
        (
            "«Hemos hecho todo lo posible», señaló a Efe el portavoz de la Policía Nacional.",
            "es",
            "portavoz de la Policía Nacional",
            "señaló",
        ),
        (
            "« Nous ne céderons pas », a déclaré à l’AFP le ministre de l’Intérieur.",
            "fr",
            "ministre de l’Intérieur",
            "a déclaré",
        ),
        # the name after a preposition and an article is no one's apposition: the minister speaks
        (
            "En declaraciones a la Cadena SER, el ministro explicó: «Estamos trabajando en ello».",
            "es",
            "ministro",
            "explicó",
        ),
        (
            "«Es una vergüenza», dijo la alcaldesa.\nLa regidora insistió en que «no puede esperar».",
            "es",
            "regidora",
            "insistió",
        ),
    ],
)
def test_spanish_and_french_reporting_constructions(text: str, lang: str, speaker: str, cue: str) -> None:
    q = extract_quotes(text, lang=lang)[-1]
    assert (q.speaker, q.cue) == (speaker, cue)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # a definite title opening the next sentence is the person the sentence before opened with
            "Carlos Mazón compareció ayer ante los medios. "
            "El presidente valenciano reconoció que «se podría haber hecho mejor».",
            "Carlos Mazón",
        ),
        (  # an indefinite one is somebody new
            "Carlos Mazón compareció ayer ante los medios. Un portavoz reconoció que «se podría mejorar».",
            "portavoz",
        ),
    ],
)
def test_a_definite_title_after_a_named_subject_is_that_person(text: str, speaker: str) -> None:
    assert only(text, "es").speaker == speaker


def test_japanese_continuative_cue_and_a_side_that_speaks() -> None:
    """と述べ、… is a cue like と述べた; 野党側 (the opposition side) can be a speaker."""
    quotes = extract_quotes(
        "林芳正官房長官は「極めて遺憾だ」と述べ、抗議した。一方、野党側は「説明が不十分だ」と批判している。",
        lang="ja",
    )
    assert [(q.speaker, q.cue) for q in quotes] == [("林芳正", "述べ"), ("野党側", "批判している")]


@pytest.mark.parametrize(
    ("text", "lang", "speaker"),
    [
        ("Pour le syndicat, il s'agit d'« une provocation » inacceptable.", "fr", "syndicat"),
        ("Para el sindicato, se trata de «una agresión sin precedentes».", "es", "sindicato"),
    ],
)
def test_a_sentence_opening_with_whose_view_it_gives(text: str, lang: str, speaker: str) -> None:
    q = only(text, lang)
    assert (q.speaker, q.method) == (speaker, "according-to")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"No tengo nada que ocultar", ha declarado el exalcalde ante el juez.', "exalcalde"),
        (
            'La presidenta, Isabel Díaz Ayuso, ha criticado al Gobierno: "Están destrozando la sanidad".',
            "Isabel Díaz Ayuso",
        ),
        (
            'El testigo habló primero. La defensa, por su parte, sostuvo que "no hay ninguna prueba".',
            "defensa",
        ),
        # two mentions, not one: "la radio" and "el ministro"; one of a group is the whole phrase
        ('"Hemos cumplido mucho", dijo ayer en la radio el ministro.', "ministro"),
        (
            '"Es una vergüenza", dijo una de las afectadas, que lleva tres días sin luz.',
            "una de las afectadas",
        ),
    ],
)
def test_spanish_speakers(text: str, speaker: str) -> None:
    """A prefixed person noun (exalcalde) can speak, the object after a contracted article (al)
    cannot, and the defence is a party that speaks."""
    assert only(text, "es").speaker == speaker


def test_a_pronoun_in_a_page_naming_nobody_is_the_person_described() -> None:
    q = only("The mayor was blunt. “We have no money left,” she said.")
    assert (q.speaker, q.speaker_mention, q.speaker_type) == ("mayor", "she", "person")


def test_a_japanese_surname_is_the_full_name_the_page_gave() -> None:
    text = "自民党の茂木敏充幹事長は１２日、記者会見した。\n茂木氏は「信頼を失った」と述べた。"
    q = only(text, "ja")
    assert (q.speaker, q.speaker_title, q.speaker_mention) == ("茂木敏充", "幹事長", "茂木氏")


def test_japanese_anaphor_is_the_person_named_before() -> None:
    """同氏 ('the said person') is a pronoun, whichever rule found it."""
    quotes = extract_quotes("山田太郎氏は「辞任しない」と述べた。同氏は「説明する」とも話した。", lang="ja")
    assert [q.speaker for q in quotes] == ["山田太郎", "山田太郎"]
    assert quotes[1].speaker_mention == "同氏"


def test_japanese_cited_source_comes_before_its_marker() -> None:
    q = only("NHKによると、政府は「慎重に検討する」としている。", "ja")
    assert (q.speaker, q.cited_source) == ("政府", "NHK")


@pytest.mark.parametrize(
    ("text", "speaker", "title", "cited_source"),
    [
        ("外交部发言人汪文斌在例行记者会上表示：“中方坚决反对。”", "汪文斌", "外交部发言人", None),
        ("据新华社报道，国务院总理李强在会上指出：“经济稳中向好。”", "李强", "国务院总理", "新华社"),
        ("“我们将继续努力，”李强说。", "李强", None, None),
        ("台湾领导人蔡英文在脸书上写道：“台湾会坚守民主。”", "蔡英文", "台湾领导人", None),
        # two verbs make one cue (回应称), and the speaker never runs across 在
        ("外交部发言人毛宁在例行记者会上回应称，“中方对此表示强烈不满”。", "毛宁", "外交部发言人", None),
        # a title after the name; a surname and a title are the full name the page gave
        ("习近平主席在会见时表示，中方愿同各方“加强合作”。", "习近平", "主席", None),
        ("国务院总理李强在会上指出：“要稳住外贸。”李总理还强调：“要扩大内需。”", "李强", "总理", None),
        ("總統蔡英文1日接受專訪。蔡總統說：「我今天已經穿給你看了。」", "蔡英文", "總統", None),
        ("王毅说：“中方坚决反对。”他表示：“这是一个重要的决定。”", "王毅", None, None),
    ],
)
def test_chinese_speakers(text: str, speaker: str, title: str | None, cited_source: str | None) -> None:
    q = extract_quotes(text, lang="zh")[-1]
    assert (q.speaker, q.speaker_title, q.cited_source) == (speaker, title, cited_source)


def test_darin_steht_names_the_document_or_its_author() -> None:
    """'Darin steht: „…“' is the statement's, which is the prosecutors': either is right."""
    q = only(
        "Die Staatsanwaltschaft gab eine Stellungnahme ab. Darin steht unter anderem: „Wir sind betroffen.“",
        "de",
    )
    assert q.speaker_mention in ("eine Stellungnahme", "Die Staatsanwaltschaft")
    assert q.method in ("document", "nearby")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Die Regierung wurde aufgefordert. „Wir bitten Sie dringend, Sorge zu tragen“, "
            "heißt es in dem LSVD-Schreiben an Staatsminister Müller.",
            "dem LSVD-Schreiben an Staatsminister Müller",
        ),
        (
            "Der Preis ist hoch. „Die sich verdient gemacht haben“, hieß es auf der Webseite des Preises, "
            "der seit 1991 vergeben wird.",
            "der Webseite des Preises",
        ),
        (
            "Die Lage ist ernst. In einer Erklärung der EU-Außenminister hatte es geheißen: "
            "„Es gibt keine militärische Lösung.“",
            "einer Erklärung der EU-Außenminister",
        ),
    ],
)
def test_a_quote_read_from_a_document_is_the_documents(text: str, mention: str) -> None:
    q = only(text, "de")
    assert (q.speaker_mention, q.method) == (mention, "document")


def test_a_quote_inside_a_relative_clause_is_its_antecedents() -> None:
    text = (
        "Amid tensions with its neighbour, Prime Minister Ana Ruiz sought support from President "
        "Tom Baker, who had asked her last month to 'calm' relations before his trip."
    )
    assert only(text).speaker == "Tom Baker"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Selma Benkhelifa, l’avocate des parents de la victime, ne partage pas cet avis. "
            "Selon l’avocate, « la priorité a été donnée aux arrestations ».",
            "fr",
        ),
        (
            "John Carver, the lawyer for the family, left the court. "
            'Later the lawyer told reporters, "We will appeal."',
            "en",
        ),
    ],
)
def test_a_description_once_set_beside_a_name_stands_for_that_name(text: str, lang: str) -> None:
    (row,) = extract_quotes(text, lang=lang)
    assert row.speaker in ("Selma Benkhelifa", "John Carver")
    assert text[row.speaker_start : row.speaker_end].lower().endswith(("avocate", "lawyer"))


def test_a_description_does_not_reach_back_over_a_full_stop() -> None:
    text = (
        "No había declarado que viera sangre en la escalera. La testigo hizo un ademán de desdén. "
        'Tampoco había declarado que escuchara al procesado pedir dinero: "Lo oí perfectamente".'
    )
    (row,) = extract_quotes(text, lang="es")
    assert text[row.speaker_start : row.speaker_end] == "La testigo"  # not "al procesado", an object


def test_a_description_that_introduces_the_next_name_is_not_the_first_ones() -> None:
    text = (
        "Invitée de France Bleu Provence, la ministre des Armées, Florence Parly, a répondu. "
        "Selon la ministre, « nous avons tiré le nombre de missiles nécessaire »."
    )
    (row,) = extract_quotes(text, lang="fr")
    assert row.speaker == "Florence Parly"  # not "France Bleu Provence", named before the description


@pytest.mark.parametrize(
    ("text", "lo", "hi", "expected"),
    [("ab  \n “x”", 3, 6, True), ("ab  \n “x”", 1, 6, False), ("", 0, 0, True), ("a“x”", 0, 1, False)],
)
def test_blank_reads_only_the_spaces_before_a_position(text: str, lo: int, hi: int, expected: bool) -> None:
    from quotes.attribution.text_index import blank

    assert blank(text, lo, hi) is expected
    assert blank(text, lo, hi) is (not text[lo:hi].strip())


def test_a_speaker_carried_through_a_title_keeps_its_strong_cue() -> None:
    """The title between them continues Meacham's quote; the next paragraph's quote is his too."""
    text = (
        "“Politics has never been gentlemanly,” said Jon Meacham, the author of “Destiny and Power,” "
        "a biography of the 41st president.\n\n“The lesson of 2016 is that none of the old rules apply.”"
    )
    assert extract_quotes(text, lang="en")[-1].speaker == "Jon Meacham"
