"""Which recognised place becomes an incident's place, and which clauses make one incident.

Passages we wrote ourselves run through the whole pipeline (the ``extract`` fixture); each
row gives the events expected in the order first told: their place (matched without
accents or case) and, where the row is about it, the toll. The rules covered:

- a wire dateline ("ROME (ITALY), 28 APR 89 (ANSA) --") is where the report was filed:
  a town abroad, or the capital of a country the body names while telling no town, is
  not the scene; a local station's dateline with nothing else said still is;
- a country said for the incident is kept rather than replaced by a town elsewhere;
- a place before "reported that" is the source's; a place where someone lives or was
  treated ("a Gary man", "flown to a hospital in Dallas") loses to the scene;
- "the blast happened near X" refines the incident's place;
- a province is one incident's place with a town inside it, another's with a town
  elsewhere;
- a person's name is no town ("Henderson, 30,", "32-year-old Perez Walker", a nickname
  and the surname after it), nor is a reference point after the scene ("Forney, east of
  Dallas", "300 km west of Bogota" however far after the scene) or an area ("suburban
  Detroit") when a town is said (an area coordinated
  with another scene is one: "in the Lagos area and in Ibadan"); a doubtful reading in a
  state the local report never names ("Roseland" in a Chicago report) yields to the
  dateline; an all-capitals town glued to the headline is a dateline;
- "in this capital", "here today" point to the dateline's town; a wire bureau's dated
  dateline ("BOGOTA, 7 SEP 89") about another town it names is where the report was
  filed, a local station's undated one ("DAYTON, Ohio (WHIO)") is its own beat;
  "(Reuters) -" ends a dateline, it does not separate a publisher; after a headline's
  first "|" come the publisher and its sections; a business ("the Cumberland Express
  Mart") is no town; where a suspect was arrested later is not the scene of the
  violence told with it; nor is the agency that tells ("Santa Maria police said") or
  the hometown of an age noun ("a Springfield 19-year-old");
- the incident's own clause saying "in <town>" wins over a region, a country or a town of
  another country inferred from context (not over a town read on another continent); a
  town said elsewhere in the incident's sentences (an agency's) wins over a mere country;
  "the capital" is the country's largest city the report names (its capital when it
  names none); with no trusted place at
  all, the most trusted one named (an agency's county) is the best guess, and a county
  said alone yields to a town of it the report names; "drive-by" is
  no street, "Las Vueltas canton" no Canton, "Panama's archbishop" no scene;
- a quarter folds into the city it lies in ("Kensington" -> Philadelphia), a town with
  its own police ("Pasadena police") or of another county does not;
- an arrest told next to a violent incident with a toll is its sequel (less confident);
  MUC-4 codes combat as an attack when rebels or gangs kill or wound.
"""

from __future__ import annotations

import pytest

from sitrep.article import PlaceMention
from sitrep.events.drafts import _same_place
from tests.passages import fold

ROWS: list[tuple[str, str, str, list[dict]]] = [
    ("filed_abroad_country_said",
     "MADRID (SPAIN), 19 NOV 89 (EFE) -- GUNMEN KILLED FOUR PEASANTS IN EL SALVADOR ON "
     "FRIDAY, THE SALVADORAN ARMY SAID.", "1989-11-19",
     [{"place": "el salvador", "fatalities": 4}]),
    ("filed_abroad_town_said",
     "ROME (ITALY), 28 APR 89 (ANSA) -- TWO ITALIAN ENGINEERS WERE KIDNAPPED THURSDAY IN "
     "COLOMBIA, 30 KM FROM THE CITY OF MEDELLIN.", "1989-04-28",
     [{"place": "medellin"}]),
    ("capital_dateline_country_body",
     "BOGOTA, 7 JUL 89 (EFE) -- GUERRILLAS DYNAMITED AN OIL PIPELINE IN COLOMBIA TODAY, "
     "OFFICIALS REPORTED.", "1989-07-07", [{"place": "colombia"}]),
    ("reuters_dateline_country_body",
     "NAIROBI, March 3 (Reuters) - Gunmen killed five herders in northern Kenya on "
     "Tuesday, police said.", "2021-03-03", [{"place": "kenya", "fatalities": 5}]),
    ("local_dateline_is_scene",
     "MILWAUKEE (WITI) -- A man was shot and wounded Saturday night near a gas station, "
     "police said.", "2016-01-10", [{"place": "milwaukee", "wounded": 1}]),
    ("dateline_with_date_in_parentheses",
     "INDIANAPOLIS, Ind. (Jan. 9, 2016) -- A man was shot and wounded Saturday night on "
     "the city's east side, police said.", "2016-01-10", [{"place": "indianapolis"}]),
    ("source_before_reported_that",
     "Police in Lagos reported that gunmen killed four traders in Ibadan on Monday. Lagos "
     "police said the attackers fled.", "2019-05-14", [{"place": "ibadan", "fatalities": 4}]),
    ("scene_told_after",
     "Two soldiers were killed when their patrol hit a landmine in Kandahar province on "
     "Sunday. The blast happened near Spin Boldak, officials said.", "2020-06-08",
     [{"place": "spin boldak", "fatalities": 2}]),
    ("residence_loses_to_scene",
     "A Gary man was shot and wounded outside a bar in Hammond on Friday.", "2016-01-10",
     [{"place": "hammond", "wounded": 1}]),
    ("hospital_loses_to_scene",
     "A boy was shot at a paintball facility in Forney on Saturday and was flown to a "
     "hospital in Dallas.", "2016-01-10", [{"place": "forney"}]),
    ("province_elsewhere_splits",
     "Gunmen attacked a police post in Kabul on Monday, killing three policemen. Five "
     "soldiers were wounded in clashes with the Taliban in Kandahar province.", "2020-03-04",
     [{"place": "kabul", "fatalities": 3}, {"place": "kandahar", "wounded": 5}]),
    ("surname_with_age_is_no_town",
     "Larry Henderson, 30, was found shot in the 2500 block of Huron Street in Baltimore on "
     "Sunday. Henderson died at a hospital.", "2016-01-12",
     [{"place": "baltimore", "fatalities": 1}]),
    ("nickname_and_surname_are_no_towns",
     'MILWAUKEE (WITI) -- Family members of Eduardo "Eddy" Villagomez say he was shot and '
     "killed Saturday night.", "2016-01-12", [{"place": "milwaukee", "fatalities": 1}]),
    ("name_after_age_is_no_town",
     "AUGUSTA, Ga. -- Deputies found 32-year-old Perez Walker with a gunshot wound to the "
     "leg on Friday.", "2016-01-12", [{"place": "augusta", "wounded": 1}]),
    ("reference_point_after_scene",
     "A man was shot and wounded at a gas station in Forney, east of Dallas, on Saturday.",
     "2016-01-12", [{"place": "forney", "wounded": 1}]),
    ("reference_point_in_kilometres",
     "Rebels attacked a convoy near Gao, about 100 kilometres east of Timbuktu, killing two "
     "soldiers.", "2016-01-12", [{"place": "gao", "fatalities": 2}]),
    ("reference_point_alone_is_kept",
     "Gunmen killed three farmers in a village 20 km north of Maiduguri on Monday.",
     "2016-01-12", [{"place": "maiduguri", "fatalities": 3}]),
    ("area_loses_to_town",
     "A police officer was shot and wounded in Dearborn Heights, in suburban Detroit, on "
     "Thursday.", "2016-01-12", [{"place": "dearborn heights", "wounded": 1}]),
    ("neighbourhood_read_in_another_state",
     "CHICAGO (WLS) -- A man was shot and wounded during a robbery in Roseland on Tuesday, "
     "Chicago police said.", "2016-01-12", [{"place": "chicago", "wounded": 1}]),
    ("residence_with_state_loses_to_county",
     "Jeremiah Cole, 24, of Memphis, Tennessee, was found shot behind a truck stop in Scott "
     "County, Kentucky, on Saturday.", "2016-01-12", [{"place": "scott county"}]),
    ("wire_copy_town_in_other_province_kept",
     "BOGOTA, 12 JAN 90 (EFE) -- A BOMB EXPLODED IN FRONT OF A BANK IN CARTAGENA TODAY, "
     "KILLING TWO PEOPLE, POLICE SAID.", "1990-01-12",
     [{"place": "cartagena", "fatalities": 2}]),
    ("this_capital_is_the_dateline_town",
     "LIMA, 4 MAR 90 (EFE) -- THE GOVERNMENT OF PERU CONDEMNED THE KILLING OF A JUDGE. THE "
     "JUDGE WAS SHOT DEAD YESTERDAY IN A MARKET OF THIS CAPITAL.", "1990-03-04",
     [{"place": "lima", "fatalities": 1}]),
    ("here_today_is_the_dateline_town",
     "NAIROBI, March 3 (Reuters) - Two bombs exploded here today in a market, killing four "
     "people, police said.", "2021-03-03", [{"place": "nairobi", "fatalities": 4}]),
    ("wire_bureau_about_another_town",
     "BOGOTA, 7 SEP 89 (EFE) -- MEDELLIN LIVES THROUGH ANOTHER WAVE OF TERROR. A BOMB "
     "EXPLODED IN A RESTAURANT TODAY, INJURING ONE POLICEMAN.", "1989-09-07",
     [{"place": "medellin", "wounded": 1}]),
    ("agency_dash_is_no_publisher_separator",
     "ABUJA, June 3 (Reuters) - Maiduguri was tense on Tuesday. A suicide bomber killed six "
     "people at a mosque, police said.", "2019-06-03",
     [{"place": "maiduguri", "fatalities": 6}]),
    ("local_station_dateline_stays",
     "DAYTON, Ohio (WHIO) -- A man was shot and wounded Sunday night outside a bar. "
     "Witnesses said the gunman drove off toward Kettering.", "2016-01-12",
     [{"place": "dayton", "wounded": 1}]),
    ("publisher_sections_after_bar",
     "Two men shot dead outside bar | WLNS Lansing - Lansing News, Weather | Channel 6\n\n"
     "TOLEDO, Ohio -- Two men were shot dead outside a bar on Saturday, police said.",
     "2016-01-12", [{"place": "toledo", "fatalities": 2}]),
    ("business_name_is_no_town",
     "A clerk was shot and killed during a robbery at the Cumberland Express Mart in "
     "Indianapolis on Friday.", "2016-01-12", [{"place": "indianapolis", "fatalities": 1}]),
    ("arrest_elsewhere_is_not_the_scene",
     "INDIANAPOLIS, Ind. (WTHR) -- A man was shot and killed on Saturday during a robbery, "
     "and the suspect was arrested in Urbana, Illinois.", "2016-01-12",
     [{"place": "indianapolis", "fatalities": 1}]),
    ("given_names_before_age_and_nickname",
     'Police identified the victims as India Barnes, 34, and Tomika "Fudge" Mack, 36, who '
     "were found shot dead in a home in Gary on Saturday.", "2016-01-12",
     [{"place": "gary"}]),
    ("agency_that_tells_is_not_the_scene",
     "Deputies are investigating a death near Carpinteria. Santa Maria police said the man "
     "found shot dead on Friday was 18.", "2016-01-12", [{"place": "carpinteria"}]),
    ("hometown_of_an_age_noun",
     "DAYTON, Ohio (WHIO) -- A Springfield 19-year-old was shot and wounded outside a bar on "
     "Saturday.", "2016-01-12", [{"place": "dayton", "wounded": 1}]),
    ("hometown_of_an_age_noun_abroad",
     "LAGOS, Nigeria (AP) -- An Ibadan 19-year-old was shot dead by police at a checkpoint "
     "on Monday.", "2016-01-12", [{"place": "lagos", "fatalities": 1}]),
    ("state_after_hometown_is_home_too",
     "SCOTT COUNTY, Ky. -- A man was found shot behind a truck stop on Saturday. Jeremiah "
     "Cole, 24, of Memphis, Tennessee, was later pronounced dead at a hospital.",
     "2016-01-12", [{"place": "scott county"}]),
    ("said_to_be_a_town_is_not_doubtful",
     "TEGUCIGALPA, 13 JUL 89 (EFE) -- NINE SOLDIERS WHO WERE VISITING THE PORT OF LA CEIBA "
     "WERE WOUNDED TODAY WHEN A HOMEMADE BOMB EXPLODED.", "1989-07-13",
     [{"place": "la ceiba"}]),
    ("street_address_of_a_suspect_is_home",
     "GOLDSBORO, N.C. (WRAL) -- Ricky Mason, 30, 304 Bladestone Drive, Pikeville, shot a "
     "man in the leg on Friday, deputies said.", "2016-01-12", [{"place": "goldsboro"}]),
    ("capital_dateline_glued_to_headline",
     "Man charged in shooting DAYTON, Ohio -- A man was shot and killed outside a bar early "
     "Sunday, police said.", "2016-01-12", [{"place": "dayton", "fatalities": 1}]),
    ("province_around_town_joins",
     "Gunmen attacked a police post in Maiduguri on Monday, killing three policemen. Five "
     "soldiers were wounded in clashes with militants in Borno state.", "2020-03-04",
     [{"place": "maiduguri", "fatalities": 3, "wounded": 5}]),
    # The scene said with a locative in the incident's own clause, over the country the
    # report is about (a neighbouring country's town, however doubtful its reading).
    ("told_town_in_neighbouring_country",
     "TEGUCIGALPA, 3 MAY 90 (ACAN-EFE) -- THE HONDURAN GOVERNMENT CONDEMNED THE VIOLENCE IN "
     "THE REGION. ELEVEN PEOPLE DIED IN SAN SALVADOR YESTERDAY WHEN A CAR BOMB EXPLODED, "
     "OFFICIALS SAID. HONDURAS WILL SEND A DELEGATION.", "1990-05-03",
     [{"place": "san salvador", "fatalities": 11}]),
    ("told_town_over_filing_country",
     "SAN JOSE (COSTA RICA), 18 NOV 89 (ACAN-EFE) -- THE URNG COMMUNIQUE WAS RELEASED IN "
     "COSTA RICA. IT CONDEMNED THE MURDER OF SIX PRIESTS, CARRIED OUT BY UNIFORMED MEN IN "
     "SAN SALVADOR ON 16 NOVEMBER.", "1989-11-18", [{"place": "san salvador", "fatalities": 6}]),
    # A town said elsewhere in the incident's sentence (the agency's), over a country.
    ("sentence_town_over_country",
     "BOGOTA, 27 AUG 89 (REUTER) -- CALI POLICE ANNOUNCED THAT SEVEN BOMBS EXPLODED IN BANK "
     "BRANCHES EARLY THIS MORNING. THE MINISTER WILL TRAVEL TO THE UNITED STATES ON MONDAY. "
     "SHE WILL STAY IN THE UNITED STATES FOR 12 DAYS.", "1989-08-27", [{"place": "cali"}]),
    # The only place is a doubtful one (an agency's county): still the best guess.
    ("agency_county_as_last_resort",
     "Man wounded during traffic stop\n\nRichland County deputies say a man was shot and "
     "wounded during a traffic stop on Friday.", "2016-01-23",
     [{"place": "richland county", "wounded": 1}]),
    # "drive-by" is no "Drive" of a street name.
    ("drive_by_is_no_street",
     "Chapel Hill drive-by shooting critically injures child | abc11.com\n\nA 1-year-old "
     "girl was injured during a drive-by shooting on Christmas Day, deputies said.",
     "2015-12-26", [{"place": "chapel hill", "wounded": 1}]),
    # "LAS VUELTAS CANTON": the kind of place, not Canton (China).
    ("canton_after_a_name",
     "SAN SALVADOR, 5 MAY 90 (AFP) -- ARMY TROOPS KILLED FOUR PEASANTS AT LAS VUELTAS CANTON, "
     "CHALATENANGO DEPARTMENT, THE FMLN SAID.", "1990-05-05",
     [{"place": "las vueltas", "fatalities": 4}]),
    # "the capital" told for the incident: the country's largest city the report names.
    ("the_capital",
     "SAN MIGUEL, 17 NOV 89 (RADIO VENCEREMOS) -- OUR FORCES CONTINUE TO ADVANCE IN SAN "
     "MIGUEL. THE SITUATION IN SAN SALVADOR IS GOOD. THE AIR FORCE BOMBED THE CAPITAL AGAIN "
     "EARLY THIS MORNING.", "1989-11-17", [{"place": "san salvador"}]),
    # "Panama's archbishop": a possessive that qualifies a person is no scene.
    ("possessive_qualifier_is_no_scene",
     "PANAMA CITY (PANAMA), 16 NOV 89 (ACAN-EFE) -- PANAMA'S ARCHBISHOP CONDEMNED THE "
     "ASSASSINATION OF SIX JESUITS IN EL SALVADOR AT DAWN TODAY. PANAMA'S EPISCOPAL "
     "CONFERENCE ALSO CONDEMNED IT.", "1989-11-16", [{"place": "el salvador", "fatalities": 6}]),
    # Only a county is said for the incident: the town of it the report names (even as a
    # residence), near it.
    ("town_in_county",
     "Valdosta woman charged after shooting\n\nA man was shot in the leg on Tuesday night, "
     "according to a report from the Lowndes County jail.", "2016-01-26",
     [{"place": "valdosta", "wounded": 1}]),
    # A wire bureau's town is not the scene of an incident told at another town.
    ("wire_bureau_road_to_town",
     "SAN SALVADOR, 6 JUL 89 (RADIO CADENA YSU) -- THE FMLN SAID ITS FIGHTERS CLASHED WITH "
     "BODYGUARDS ON THE ROAD TO LA LIBERTAD PORT ON 2 JULY. ONE BODYGUARD WAS KILLED IN THE "
     "CLASH.", "1989-07-06", [{"place": "la libertad", "fatalities": 1}]),
    # A town with its own police is a city of its own, not a quarter of the metropolis
    # beside it; a quarter said as a neighborhood still folds into its city.
    ("own_police_not_a_quarter",
     "A 40-year-old man was shot and killed Friday night in Pasadena. Pasadena police "
     "said the gunman fled toward Los Angeles.", "2016-01-09",
     [{"place": "pasadena", "fatalities": 1}]),
    ("quarter_folds_into_city",
     "A 40-year-old man was shot and killed Friday night in the Kensington neighborhood "
     "of Philadelphia, police said.", "2016-01-09",
     [{"place": "philadelphia", "fatalities": 1}]),
    # A town given as a distance and direction from the scene is no scene, however far
    # after the scene it is said; the clause then continues the incident told before.
    ("distance_from_a_city_colombia",
     "BOGOTA, 6 SEP 89 (AFP) -- [TEXT] POLICE REPORTED TODAY THAT A JUDGE WAS KILLED ON "
     "MONDAY, 4 SEPTEMBER, IN RISARALDA PROVINCE. THE JUDGE WAS SHOT TO DEATH IN HIS CAR "
     "NEAR PEREIRA, IN THE COFFEE AREA, APPROXIMATELY 300 KM TO THE WEST OF BOGOTA.",
     "1989-09-06", [{"place": "pereira", "fatalities": 1, "date": "1989-09-04"}]),
    # "The capital" of a report that names no town of the country: the capital itself.
    ("capital_never_named_somalia",
     "Rebels shelled the capital on Sunday, killing three civilians, officials in Somalia "
     "said.", "2020-01-01", [{"place": "mogadishu", "fatalities": 3, "geo": 1}]),
    ("capital_never_named_el_salvador",
     "IN RECENT HOURS THERE HAVE BEEN BOMB ATTACKS IN THE CAPITAL ON THE RESIDENCES OF TWO "
     "LEADERS OF THE OPPOSITION IN EL SALVADOR.", "1990-01-20",
     [{"place": "san salvador"}]),
    # An area coordinated with another scene is a scene of its own (geo as its city).
    ("area_and_town_coordinated_nigeria",
     "Gunmen attacked churches in the Lagos area and in Ibadan on Sunday.", "2020-01-01",
     [{"place": "lagos"}, {"place": "ibadan"}]),
    ("area_and_town_coordinated_pakistan",
     "Unknown attackers torched two schools in the Peshawar area and in Mardan on Friday.",
     "2020-01-01", [{"place": "peshawar"}, {"place": "mardan"}]),
    ("area_alone_after_town_michigan",
     "A man was shot dead in Dearborn Heights, in suburban Detroit, on Friday.",
     "2020-01-01", [{"place": "dearborn heights", "fatalities": 1}]),
]


def test_rows_unique():
    assert len({r[0] for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize(("text", "published", "expected"), [r[1:] for r in ROWS],
                         ids=[r[0] for r in ROWS])
def test_incident_place(extract, check_events, text, published, expected):
    check_events(extract(text, published=published)["events"], expected)


def _place(feature: str, admin1: str | None, name: str, cc: str = "PK",
           geonameid: int = 1) -> PlaceMention:
    return PlaceMention(0, len(name), name, name=name, geonameid=geonameid, lat=30.0,
                        lon=70.0, country_code=cc, admin1=admin1, feature=feature)


@pytest.mark.parametrize(("a", "b", "same"), [
    (_place("city", "Khyber Pakhtunkhwa", "Peshawar", geonameid=1),
     _place("admin1", "Balochistan", "Balochistan", geonameid=2), False),
    (_place("city", "Balochistan", "Quetta", geonameid=3),
     _place("admin1", "Balochistan", "Balochistan", geonameid=2), True),
    (_place("city", "Balochistan", "Quetta", geonameid=3),
     _place("country", None, "Pakistan", geonameid=4), True),
    (_place("city", "Borno", "Maiduguri", "NG", geonameid=5),
     _place("country", None, "Pakistan", geonameid=4), False),
    (_place("city", None, "Somewhere", geonameid=6),
     _place("admin1", "Sindh", "Sindh", geonameid=7), True),  # unknown province: no split
])
def test_same_place_needs_containment(a, b, same):
    assert _same_place(a, b) is same
    assert _same_place(b, a) is same


@pytest.mark.parametrize(("text", "published"), [
    ("A 14-year-old boy has been arrested in connection with a fatal shooting. Police say "
     "Michael Schafrik, 40, was shot and killed during an argument on Sunday in Racine.",
     "2016-01-12"),
    ("Two suspects were detained in Kisumu on Tuesday, police said. Gunmen had shot dead "
     "a trader in Kisumu on Sunday night.", "2019-05-14"),
])
def test_follow_up_is_not_the_main_incident(extract, text, published):
    """An arrest told next to a violent incident with a toll is its sequel: the report is
    about the incident (it is the more confident event)."""
    events = extract(text, published=published)["events"]
    main = max(events, key=lambda e: e["confidence"])
    assert main["fatalities"] == 1, [(e["confidence"], e["fatalities"]) for e in events]


@pytest.mark.parametrize(("text", "published", "muc"), [
    ("SAN SALVADOR, 12 MAR 90 (AFP) -- GUERRILLAS KILLED TWO POLICEMEN IN CLASHES NEAR SAN "
     "MIGUEL TODAY, THE ARMY SAID.", "1990-03-12", None),
    ("SAN SALVADOR, 12 MAR 90 (AFP) -- GUERRILLAS KILLED TWO PEASANTS IN CLASHES NEAR SAN "
     "MIGUEL TODAY, THE ARMY SAID.", "1990-03-12", "attack"),
    ("SAN SALVADOR, 12 MAR 90 (AFP) -- ARMY TROOPS KILLED FIVE GUERRILLAS IN CLASHES NEAR "
     "SAN MIGUEL TODAY, THE ARMY SAID.", "1990-03-12", None),
    ("Al Shabaab militants clashed with soldiers near Baidoa on Monday, killing three "
     "soldiers.", "2020-03-03", None),
    ("Soldiers clashed with Boko Haram fighters near Bama on Monday, killing seven "
     "insurgents.", "2020-03-03", None),
])
def test_muc_type_of_combat(extract, text, published, muc):
    """MUC-4 codes combat where rebels or gangs hit civilians, not a purely guerrilla act
    against soldiers or police (rule 1b of its task definition) nor the army's own
    combat against rebels."""
    events = extract(text, published=published)["events"]
    assert [(e["codes"].get("muc") or {}).get("incident_type") for e in events] == [muc]


@pytest.mark.parametrize(("text", "not_place"), [
    ("Deputies said a man was shot and wounded on Saturday near a store.\n\nCopyright 2016 "
     "The Daily News | 804 N. Broadway | Poteau, OK 74953", "poteau"),
    ("Teenager accidentally shot - KXXV-TV News Channel 25 - Central Texas News for Waco, "
     "Temple | \n\nA 13-year-old boy was accidentally shot on Saturday, deputies said.",
     "waco"),
])
def test_publisher_and_postal_address_are_no_scene(extract, text, not_place):
    """A postal address ("Poteau, OK 74953") and a publisher's line after a headline
    separator name no incident's place."""
    events = extract(text, published="2016-01-12")["events"]
    assert events
    assert all(not_place not in fold((e.get("location") or {}).get("name")) for e in events)
