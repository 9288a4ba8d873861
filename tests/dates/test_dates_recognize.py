"""Date recognition and normalisation: a table of expressions with anchor, value, grain."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.dates import acled_time_precision, find_dates

WED = date(2016, 3, 9)  # a Wednesday
SAT = date(2019, 8, 17)  # a Saturday
JAN = date(2018, 1, 4)  # a Thursday early in the year

# (sentence, anchor, expected mention text, value, grain)
CASES = [
    # absolute
    (
        "Gunmen stormed the hotel on 7 March 2016, police said.",
        WED,
        "7 March 2016",
        "2016-03-07",
        "day",
    ),
    ("The ambush took place on March 7, 2016 near Gao.", WED, "March 7, 2016", "2016-03-07", "day"),
    ("Rebels shelled the town on March 7.", WED, "March 7", "2016-03-07", "day"),
    ("Police reported the raid on 3/7/2016 in Karachi.", WED, "3/7/2016", "2016-03-07", "day"),
    ("The curfew began on 2016-03-07 in the capital.", WED, "2016-03-07", "2016-03-07", "day"),
    ("Clashes erupted in March 2016 in the north.", SAT, "March 2016", "2016-03", "month"),
    ("The party was banned in 2011 after the coup.", WED, "2011", "2011", "year"),
    ("Troops entered the district on the 4th of March.", WED, "4th of March", "2016-03-04", "day"),
    ("The strike started on Sept. 30, 1998 in Lagos.", WED, "Sept. 30, 1998", "1998-09-30", "day"),
    (
        "Militia fighters were sighted on 30 December near the river.",
        JAN,
        "30 December",
        "2017-12-30",
        "day",
    ),
    (
        "Voting is scheduled for January 12 in the province.",
        date(2017, 12, 28),
        "January 12",
        "2018-01-12",
        "day",
    ),
    (
        "The army retook the hill on Tuesday, March 8, 2016, officials said.",
        WED,
        "Tuesday, March 8, 2016",
        "2016-03-08",
        "day",
    ),
    (
        "A bomb went off on 12th July in Quetta.",
        date(2016, 7, 20),
        "12th July",
        "2016-07-12",
        "day",
    ),
    ("The agreement signed in fiscal 1998 lapsed.", WED, "fiscal 1998", "1998", "year"),
    # relative to the anchor: weekdays
    ("Gunmen attacked a church on Monday, police said.", WED, "Monday", "2016-03-07", "day"),
    ("Monday's attack killed four people in Sousse.", WED, "Monday", "2016-03-07", "day"),
    ("The army said Wednesday that the border was closed.", WED, "Wednesday", "2016-03-09", "day"),
    (
        "Protesters gathered last Monday outside parliament.",
        WED,
        "last Monday",
        "2016-03-07",
        "day",
    ),
    ("Police fired tear gas this Monday in the market.", WED, "this Monday", "2016-03-07", "day"),
    (
        "Fighting resumed on Tuesday night in the suburbs.",
        WED,
        "Tuesday night",
        "2016-03-08",
        "day",
    ),
    (
        "Soldiers came under fire late on Tuesday near the camp.",
        WED,
        "late on Tuesday",
        "2016-03-08",
        "day",
    ),
    ("The two delegations will meet on Monday in Geneva.", WED, "Monday", "2016-03-14", "day"),
    ("The minister is due to visit the region on Friday.", WED, "Friday", "2016-03-11", "day"),
    ("Opposition leaders plan to march next Monday.", WED, "next Monday", "2016-03-14", "day"),
    ("Students rallied on Thursday in the capital.", WED, "Thursday", "2016-03-03", "day"),
    (
        "Unrest spread across the delta on Saturday morning.",
        SAT,
        "Saturday morning",
        "2019-08-17",
        "day",
    ),
    (
        "Two officers were shot on the night of Friday in Cali.",
        SAT,
        "the night of Friday",
        "2019-08-16",
        "day",
    ),
    ("Villagers fled the raids on Sunday.", SAT, "Sunday", "2019-08-11", "day"),
    # relative: day words
    ("A suicide bomber struck a checkpoint yesterday.", WED, "yesterday", "2016-03-08", "day"),
    ("Rioters burned cars today in the old town.", WED, "today", "2016-03-09", "day"),
    ("The governor will address the assembly tomorrow.", WED, "tomorrow", "2016-03-10", "day"),
    ("Security forces are expected to deploy tonight.", WED, "tonight", "2016-03-09", "day"),
    ("Gunfire was heard across the city last night.", WED, "last night", "2016-03-08", "day"),
    ("Mortar rounds fell on the base overnight.", WED, "overnight", "2016-03-08", "day"),
    (
        "Looting had begun the day before, residents said.",
        WED,
        "the day before",
        "2016-03-08",
        "day",
    ),
    ("Police detained three suspects late yesterday.", WED, "late yesterday", "2016-03-08", "day"),
    ("A curfew was imposed this morning in the port.", WED, "this morning", "2016-03-09", "day"),
    (
        "The mine exploded the day before yesterday.",
        WED,
        "the day before yesterday",
        "2016-03-07",
        "day",
    ),
    # relative: weeks, months, years
    ("Armed men abducted a teacher last week.", WED, "last week", "2016-W09", "week"),
    ("Dozens were arrested this week in Dhaka.", WED, "this week", "2016-W10", "week"),
    ("The talks collapsed earlier this week.", WED, "earlier this week", "2016-W10", "week"),
    ("Rebels seized the mine earlier this month.", WED, "earlier this month", "2016-03", "month"),
    ("Hundreds of farmers protested last month.", WED, "last month", "2016-02", "month"),
    ("The government will hold elections next month.", WED, "next month", "2016-04", "month"),
    ("Attacks on aid workers have risen this year.", WED, "this year", "2016", "year"),
    ("The militia was formed last year in the south.", WED, "last year", "2015", "year"),
    ("The ceasefire collapsed last weekend.", WED, "last weekend", "2016-W09", "week"),
    (
        "Clashes broke out in mid-March in the valley.",
        date(2016, 4, 2),
        "mid-March",
        "2016-03",
        "month",
    ),
    ("Peace talks stalled in early March.", date(2016, 4, 2), "early March", "2016-03", "month"),
    ("The offensive began in late 2014 along the coast.", WED, "late 2014", "2014", "year"),
    ("Government troops recaptured the town in May.", date(2017, 6, 10), "May", "2017-05", "month"),
    (
        "The clashes began in November and continue.",
        date(2017, 3, 1),
        "November",
        "2016-11",
        "month",
    ),
    (
        "Fresh fighting broke out last March in the hills.",
        date(2017, 6, 10),
        "last March",
        "2017-03",
        "month",
    ),
    (
        "The court will rule in September on the case.",
        date(2017, 6, 10),
        "September",
        "2017-09",
        "month",
    ),
    ("Gunmen killed a chief two days ago in Zamfara.", WED, "two days ago", "2016-03-07", "day"),
    ("The group claimed an attack three weeks ago.", WED, "three weeks ago", "2016-W07", "week"),
    ("A soldier disappeared a week ago near the border.", WED, "a week ago", "2016-W09", "week"),
    ("The bombing five years ago still haunts the town.", WED, "five years ago", "2011", "year"),
    ("Six months ago the rebels held the airport.", WED, "Six months ago", "2015-09", "month"),
    (
        "Profits fell in the third quarter, the company said.",
        date(2016, 11, 2),
        "third quarter",
        "2016-Q3",
        "quarter",
    ),
    (
        "Sales rose in the fourth quarter of 2015.",
        WED,
        "fourth quarter of 2015",
        "2015-Q4",
        "quarter",
    ),
    (
        "Fans rioted after the match at the weekend.",
        date(2019, 8, 19),
        "the weekend",
        "2019-W33",
        "week",
    ),
    # ranges
    (
        "Raids continued between Monday and Wednesday in the north.",
        WED,
        "between Monday and Wednesday",
        "2016-03-07/2016-03-09",
        "day",
    ),
    (
        "Polling stations were closed from 3 to 5 March.",
        WED,
        "from 3 to 5 March",
        "2016-03-03/2016-03-05",
        "day",
    ),
    (
        "The summit runs March 14-16 in Addis Ababa.",
        WED,
        "March 14-16",
        "2016-03-14/2016-03-16",
        "day",
    ),
    # all-caps and lower-case text
    (
        "THE MASS KIDNAPPING TOOK PLACE ON 30 DECEMBER IN SAN MIGUEL.",
        date(1990, 1, 3),
        "30 DECEMBER",
        "1989-12-30",
        "day",
    ),
    (
        "GUERRILLAS ATTACKED THE POWER STATION YESTERDAY.",
        date(1990, 1, 3),
        "YESTERDAY",
        "1990-01-02",
        "day",
    ),
    (
        "THE ARMY REPORTED CLASHES ON 3 FEB 90 IN USULUTAN.",
        date(1990, 2, 5),
        "3 FEB 90",
        "1990-02-03",
        "day",
    ),
    (
        "the guatemala army denied today that guerrillas attacked the farm.",
        date(1990, 2, 2),
        "today",
        "1990-02-02",
        "day",
    ),
    ("the bodies were found in may in the mountains.", date(1990, 7, 1), "may", "1990-05", "month"),
    ("police said on monday that six people died.", WED, "monday", "2016-03-07", "day"),
    # round 2: gaps fixed
    # a possessive weekday names a day whose event is done, whatever the clause's tense
    ("Lawyers would try to overturn Wednesday's verdict in Lahore.", date(2016, 3, 11),
     "Wednesday", "2016-03-09", "day"),
    ("Parties campaigned ahead of Sunday's vote in Kinshasa.", WED, "Sunday", "2016-03-13",
     "day"),
    # the month after the anchor's is the coming one, even without a future cue
    ("Donors pledged aid for the April conference in Juba.", WED, "April", "2016-04", "month"),
    ("Elections were announced for April in the capital.", WED, "April", "2016-04", "month"),
    # "last <month>" skips the month just gone: that one is "last month"
    ("Two pilots died when their jet crashed last February.", WED, "last February", "2015-02",
     "month"),
    ("Militias took the airport last October.", WED, "last October", "2015-10", "month"),
    ("Insurgents cut the pipeline last January.", date(2016, 8, 2), "last January", "2016-01",
     "month"),
    ("The truce expires next April, envoys said.", WED, "next April", "2017-04", "month"),
    ("In July last year, rebels shelled Aleppo.", WED, "July last year", "2015-07", "month"),
    ("A referendum is planned for November of next year.", WED, "November of next year",
     "2017-11", "month"),
    # -ed look-alikes and participles after "be" are no past cues
    ("General Okafor will succeed the chief of staff on Oct. 2.", date(2016, 6, 1), "Oct. 2",
     "2016-10-02", "day"),
    ("The summit will be held on September 14 in Addis Ababa.", date(2016, 5, 3),
     "September 14", "2016-09-14", "day"),
    ("The ceasefire becomes effective Jan. 15 across the region.", date(2016, 10, 20),
     "Jan. 15", "2017-01-15", "day"),
    ("The court has scheduled a hearing Thursday in Nairobi.", WED, "Thursday", "2016-03-10",
     "day"),
    ("The vote was postponed until Monday after the clashes.", WED, "Monday", "2016-03-14",
     "day"),
    # seasons: their three months (winter runs into the next year)
    ("Rebels seized the dam last summer.", WED, "last summer", "2015-06/2015-08", "month"),
    ("The offensive will resume in the spring, commanders said.", WED, "the spring",
     "2016-03/2016-05", "month"),
    ("Villagers fled this past autumn.", WED, "this past autumn", "2015-09/2015-11", "month"),
    ("Refugees froze in the winter of 1994 near Goma.", WED, "the winter of 1994",
     "1994-12/1995-02", "month"),
    ("Mediators hope to sign a deal this summer.", WED, "this summer", "2016-06/2016-08",
     "month"),
    ("Troops withdrew in fall 2013 from the valley.", WED, "fall 2013", "2013-09/2013-11",
     "month"),
]


@pytest.mark.parametrize(("sentence", "anchor", "text", "value", "grain"), CASES)
def test_dates_table(sentence: str, anchor: date, text: str, value: str, grain: str) -> None:
    found = find_dates(sentence, anchor)
    by_text = {m.text: m for m in found}
    assert text in by_text, [m.text for m in found]
    m = by_text[text]
    assert (m.value, m.grain) == (value, grain)
    assert m.first_day <= m.last_day
    assert sentence[m.start : m.end] == m.text


def test_dates_table_is_large_enough() -> None:
    assert len(CASES) >= 60


# Sentences with no date in them (false friends), or whose only date is elsewhere.
FALSE_FRIENDS = [
    ("Theresa May said the attack was cowardly.", set()),
    ("Militants may attack again, officials warned.", set()),
    ("Protesters march through the city centre every evening.", set()),
    ("Police broke up a march by students in Harare.", set()),
    ("A week after the vote, gunmen attacked the commission.", set()),
    ("The siege lasted for three days.", set()),
    ("The two-year war has displaced millions.", set()),
    ("The blast happened at 5 pm near the mosque.", set()),
    ("More than 2011 people fled the fighting.", set()),
    ("Security Council resolution 1973 authorised air strikes.", set()),
    ("Nearly 3,000 Tunisians have left to fight abroad.", set()),
    ("The convoy drove 2000 km across the desert.", set()),
    ("MILITARY SOURCES SAID THE REBELS MAY ATTACK THE CAPITAL.", set()),
    ("the students will march to the ministry.", set()),
    ("He left the day before the election.", set()),
    ("The fall of Mosul shocked the region.", set()),
    ("Oil prices fall in winter when demand drops.", set()),
    ("The Arab Spring toppled several rulers.", set()),
    ("Spring water was cut off to the camp.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), FALSE_FRIENDS)
def test_dates_false_friends(sentence: str, expected: set[str]) -> None:
    assert {m.text for m in find_dates(sentence, WED)} == expected


def test_dates_day_first_option() -> None:
    [m] = find_dates("The raid happened on 3/7/2016.", WED, day_first=True)
    assert m.value == "2016-07-03"
    [m] = find_dates("The raid happened on 25/12/2016.", WED)
    assert m.value == "2016-12-25"


def test_dates_seed_style_range_is_bounded() -> None:
    text = "Military raids late on Tuesday and into Wednesday morning recovered weapons."
    found = find_dates(text, WED)
    assert [(m.text, m.value, m.part_of_day) for m in found] == [
        ("late on Tuesday", "2016-03-08", "late"),
        ("Wednesday morning", "2016-03-09", "morning"),
    ]
    assert min(m.first_day for m in found) == date(2016, 3, 8)
    assert max(m.last_day for m in found) == date(2016, 3, 9)


@pytest.mark.parametrize(
    ("sentence", "first", "last"),
    [
        ("Raids continued between Monday and Wednesday.", date(2016, 3, 7), date(2016, 3, 9)),
        ("Rebels seized the mine earlier this month.", date(2016, 3, 1), date(2016, 3, 9)),
        ("Clashes broke out in mid-March.", date(2016, 3, 11), date(2016, 3, 20)),
        ("Armed men abducted a teacher last week.", date(2016, 2, 29), date(2016, 3, 6)),
        ("Mortar rounds fell on the base overnight.", date(2016, 3, 8), date(2016, 3, 9)),
    ],
)
def test_dates_bounds(sentence: str, first: date, last: date) -> None:
    [m] = find_dates(sentence, WED)
    assert (m.first_day, m.last_day) == (first, last)


@pytest.mark.parametrize(
    ("sentence", "precision"),
    [
        ("Gunmen attacked a church on Monday.", 1),
        ("Armed men abducted a teacher last week.", 2),
        ("Raids continued between Monday and Wednesday.", 2),
        ("Hundreds of farmers protested last month.", 3),
        ("The militia was formed last year.", 3),
    ],
)
def test_dates_acled_precision(sentence: str, precision: int) -> None:
    [m] = find_dates(sentence, WED)
    assert acled_time_precision(m) == precision


def test_dates_no_anchor_keeps_only_absolute() -> None:
    found = find_dates("On Monday, a day after the 7 March 2016 raid, police said.", None)
    assert [m.text for m in found] == ["7 March 2016"]
