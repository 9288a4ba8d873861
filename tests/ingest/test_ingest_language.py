"""Telling English text from text in another language (a diagnostic, never a refusal)."""

from __future__ import annotations

import pytest

from sitrep.ingest import read_inputs
from sitrep.ingest.language import guess_language

ENGLISH = [
    'Gunmen attacked a police post in the town of Gao on Monday, killing two '
    'officers.',
    'GUNMEN ATTACKED A POLICE POST IN THE TOWN OF GAO ON MONDAY, KILLING TWO '
    'OFFICERS.',
    'troops clashed with rebels near el fasher on tuesday and the army said six '
    'died',
    # Foreign names and quoted words must not tip English text over.
    'Al-Shabaab fighters stormed a base in El Salvador de la Frontera, said Juan de '
    'la Cruz, a local official.',
    'Protesters in Des Moines and San Antonio marched on Saturday against the new '
    'law, police said.',
    'The minister told Le Monde that the operation in the Sahel would go on for '
    'years.',
    'Two killed',  # too short to judge: English assumed
]

FOREIGN = [
    ("Des hommes armés ont tué cinq soldats lundi à Gao, selon l'armée malienne qui "
     'a annoncé des arrestations.',
     'french'),
    ('Hombres armados mataron a cinco soldados el lunes en la frontera, según el '
     'ejército, que anunció detenciones.',
     'spanish'),
    ('Homens armados mataram cinco soldados na segunda-feira em uma aldeia, segundo '
     'a polícia, que não deu detalhes.',
     'portuguese'),
    ('Bewaffnete Männer haben am Montag fünf Soldaten getötet, wie die Armee '
     'mitteilte, und es wurden mehrere Personen festgenommen.',
     'german'),
    ('Uomini armati hanno ucciso cinque soldati lunedì nella regione, secondo il '
     'ministero della difesa che ha annunciato degli arresti.',
     'italian'),
    ('Orang bersenjata menewaskan lima tentara di desa itu pada hari Senin, kata '
     'polisi yang juga telah menangkap dua orang.',
     'indonesian'),
    ('قتل مسلحون خمسة جنود يوم الاثنين في هجوم على نقطة تفتيش في شمال البلاد',
     'arabic script'),
    ('Вооружённые люди убили пятерых военных в понедельник на севере страны',
     'cyrillic script'),
    ('武装分子周一在该国北部袭击了一个检查站，打死五名士兵',
     'cjk script'),
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_text_is_english(text):
    assert guess_language(text).english


@pytest.mark.parametrize(("text", "language"), FOREIGN)
def test_other_languages_are_named(text, language):
    guess = guess_language(text)
    assert not guess.english
    assert guess.language == language


def test_reader_adds_a_diagnostic_and_keeps_the_text(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_text(FOREIGN[0][0], encoding="utf-8")
    (art,) = list(read_inputs([path]))
    assert art.error is None and art.text
    (diag,) = [d for d in art.diagnostics if d.code == "not-english"]
    assert "french" in diag.message
