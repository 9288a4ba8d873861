"""Person names from every region sitrep covers, in mixed-case, ALL-CAPITALS and
lower-case text: the given-name lexicon (``data/actors/persons.json``) anchors each name.
Sentences written for these tests; the names are common given names with made-up or
common surnames."""

from __future__ import annotations

import pytest

from sitrep.actors.persons import find_persons
from sitrep.nlp.lexicon import read_json

# (sentence, the names find_persons returns)
CASES = [
    # Spanish / Latin America, wire-style capitals
    ("GUERRILLAS KIDNAPPED ERNESTINA UMANZOR IN THE TOWN OF EL PARAISO.", ["ERNESTINA UMANZOR"]),
    ("THE BODY OF DAGOBERTO RODRIGUEZ WAS FOUND NEAR THE HIGHWAY.", ["DAGOBERTO RODRIGUEZ"]),
    ("ERIKA SULLIVAN AND DINA ECHAVARRIA WERE WOUNDED IN THE BLAST.",
     ["ERIKA SULLIVAN", "DINA ECHAVARRIA"]),
    ("UNIDENTIFIED MEN SHOT RIGOBERTO PENATE AS HE LEFT HIS HOUSE.", ["RIGOBERTO PENATE"]),
    ("Gunmen killed Heriberto Lozano Parra outside a bakery in Cali.", ["Heriberto Lozano Parra"]),
    ("Police detained Marisol Quintero and her brother on Tuesday.", ["Marisol Quintero"]),
    ("The army said Nohemi Cardenas de Ruiz had been released.", ["Nohemi Cardenas de Ruiz"]),
    ("José Ramírez and Andrés Molina were among the dead.", ["José Ramírez", "Andrés Molina"]),
    # Portuguese
    ("Gunmen shot João Batista Ferreira in a street of Recife.", ["João Batista Ferreira"]),
    ("Police arrested Thiago Moreira after the raid.", ["Thiago Moreira"]),
    # French and West Africa
    ("Gendarmes arrested Souleymane Traore and Fatoumata Diallo near Mopti.",
     ["Souleymane Traore", "Fatoumata Diallo"]),
    ("Jean-Pierre Mugabo was shot dead on the road to Goma.", ["Jean-Pierre Mugabo"]),
    ("SEKOU KEITA AND AMINATA DEMBELE WERE TAKEN HOSTAGE.", ["SEKOU KEITA", "AMINATA DEMBELE"]),
    # English
    ("Deputies said Brittany Collins, 24, died at the scene.", ["Brittany Collins"]),
    ("Sheriff's officials arrested Dwayne Porter on Friday.", ["Dwayne Porter"]),
    # Arabic
    ("Militants abducted Abdelrahman Haddad from his home in Mosul.", ["Abdelrahman Haddad"]),
    ("The strike killed Yasser Hamdan and his cousin.", ["Yasser Hamdan"]),
    ("Security forces detained Amira Nasser during the protest.", ["Amira Nasser"]),
    # Nigeria: Hausa, Yoruba, Igbo
    ("Gunmen kidnapped Kabiru Lawal and Hadiza Musa in Zamfara.", ["Kabiru Lawal", "Hadiza Musa"]),
    ("Police said Babatunde Adeyemi was killed during the robbery.", ["Babatunde Adeyemi"]),
    ("Chukwuemeka Okafor and Ngozi Eze were shot in Onitsha.", ["Chukwuemeka Okafor"]),
    # Somali
    ("Al-Shabaab fighters killed Abdirahman Warsame in Baidoa.", ["Abdirahman Warsame"]),
    ("THE MILITANTS BEHEADED FADUMA HIRSI, A TEACHER.", ["FADUMA HIRSI"]),
    # Ethiopia, Eritrea
    ("Federal police arrested Getachew Bekele and Tigist Alemu in Gondar.",
     ["Getachew Bekele", "Tigist Alemu"]),
    # Afghanistan, Pakistan
    ("The Taliban killed Hayatullah Zadran, a district official.", ["Hayatullah Zadran"]),
    ("police said shahzad akhtar was injured in the firing.", ["shahzad akhtar"]),
    ("Gunmen shot dead Zeeshan Qureshi outside a mosque in Quetta.", ["Zeeshan Qureshi"]),
    # Iran
    ("Security forces detained Mohsen Karimi in Zahedan.", ["Mohsen Karimi"]),
    # India, Bangladesh, Sri Lanka
    ("the mob attacked sub-inspector ramesh yadav and constable vinay kumar.",
     ["ramesh yadav", "vinay kumar"]),
    ("Police arrested Devendra Prasad Tiwari in Patna.", ["Devendra Prasad Tiwari"]),
    ("Activists said Mizanur Rahman was picked up by plainclothes men.", ["Mizanur Rahman"]),
    ("The army detained Sivakumar Rajaratnam near Jaffna.", ["Sivakumar Rajaratnam"]),
    # Russia, Ukraine, Caucasus
    ("Shelling wounded Oleksandr Kovalenko and Iryna Bondar in Kharkiv.",
     ["Oleksandr Kovalenko", "Iryna Bondar"]),
    ("Police detained Dmitry Sokolov at the rally.", ["Dmitry Sokolov"]),
    # Turkey, Kurdish regions
    ("Police detained Mehmet Yildirim and Zeynep Kaya in Diyarbakir.",
     ["Mehmet Yildirim", "Zeynep Kaya"]),
    ("A drone strike killed Rebwar Hamid near Qandil.", ["Rebwar Hamid"]),
    # Philippines, Indonesia
    ("Soldiers killed Rommel Dimaculangan in a clash in Samar.", ["Rommel Dimaculangan"]),
    ("Police arrested Bambang Sutrisno and Siti Rahayu in Poso.",
     ["Bambang Sutrisno", "Siti Rahayu"]),
    # Thailand, Myanmar, Central Asia
    ("Insurgents shot Somchai Wongsawat and Kyaw Zaw Htun near Pattani.",
     ["Somchai Wongsawat", "Kyaw Zaw Htun"]),
    ("POLICE DETAINED RUSTAM NAZAROV AND DILNOZA KARIMOVA IN ANDIJAN.",
     ["RUSTAM NAZAROV", "DILNOZA KARIMOVA"]),
    # Sahel, Sudan, Maghreb, Iraq
    ("Rebels seized Mahamat Abakar Hissene near Abeche.", ["Mahamat Abakar Hissene"]),
    ("gunmen killed hicham benali and kadhim jassim at a checkpoint.",
     ["hicham benali", "kadhim jassim"]),
    # Europe
    ("Masked men beat Wojciech Nowak outside the stadium.", ["Wojciech Nowak"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_names_from_each_region(text: str, expected: list[str]) -> None:
    assert [p.text for p in find_persons(text)] == expected


# Given names left out of the lexicon because they are also well-known places or common
# words: a place after them must not turn into a person.
NOT_NAMES = [
    "Traffic was diverted in Virginia Beach after the crash.",
    "The clinic in Santa Clara County reported two cases.",
    "THE ARMY OF SRI LANKA SAID THE REBELS ATTACKED AT DAWN.",
    "Fighters of Hayat Tahrir al-Sham shelled the town.",
    "a crowd gathered near jama masjid after prayers.",
    "Rains flooded parts of Charlotte Douglas airport.",
    "THE BOMB EXPLODED IN SANTIAGO DE CHILE ON MONDAY.",
    "Police patrolled Lee County Road overnight.",
    # a given name after a saint's word is a saint's, so a place's
    "Gunmen opened fire on a bus in San Pedro Sula on Monday.",
    "THE BOMB EXPLODED NEAR THE MARKET OF SANTA ANA.",
    "Protesters marched through St. Louis overnight.",
    "Floods cut the road between Sao Paulo and the coast.",
    "Troops retook Santo Domingo de los Colorados.",
]


@pytest.mark.parametrize("text", NOT_NAMES)
def test_place_names_are_no_anchor(text: str) -> None:
    assert find_persons(text) == []


def test_given_names_are_clean() -> None:
    """Lower case, unique, none a common word, title or particle of the same lexicon."""
    lex = read_json("actors", "persons.json")
    given = lex["given_names"]
    assert len(given) >= 1500
    assert given == sorted(set(given))
    assert all(g == g.lower() and " " not in g for g in given)
    clash = set(given) & (set(lex["common_words"]) | set(lex["titles"]) | set(lex["particles"]))
    assert clash == set()
