#!/usr/bin/env python3
"""Generate corpus/dictionaries/world-leaders.actors: people of every country since 1945.

Sources (../shared/actor-sources/, see its README; read by path, never copied whole):
  - phoenix/Phoenix.Countries.actors.txt (CAMEO/Phoenix, PETRARCH2, MIT licence): people
    per country with date-bounded spans of public life (`[GBRGOV 790504-901128]`).
    Each country block lists its leader lineage first, in order of office, then its
    ministers in alphabetical order; the lineage is the part before that sorted run.
  - phoenix/Phoenix.International.actors.txt: the leaders of the UN, the World Bank, the
    IMF and NATO (the entries marked `IGOrulers.txt`).
  - ungd-speakers.tsv: who spoke for each country at the UN General Debate, with the
    post they held (filled from 1994): the office of a name in a given year.
  - the curated dictionaries of corpus/dictionaries/ (every *.actors file but the one
    written here): they stay the authority. A generated person who is a curated person
    (same name or alias) is dropped; a generated role overlapping a curated holder of the
    same office is dropped; a name a curated actor owns is not given to a generated one.

What a record gets:
  name, alias     the source's spelling normalised (`MARGARET_THATCHER_` -> Margaret
                  Thatcher, `Mr.`, `H.E.` dropped), its `+` synonyms, the UN's spellings,
                  and forms without middle initials or `Jr`/`III` (Paul A. Volcker -> Paul
                  Volcker). Spellings of one person in one country are merged into one actor.
  surname         the family name (the first word for Chinese and Korean names, the last
                  otherwise); single-word synonyms become surnames too (they need support).
  ambiguous       names and surnames another generated person shares, and surnames that
                  are ordinary words (the --words list): the tagger lets only a surname
                  listed neither here nor by anyone else stand alone in a title or lead.
  affiliation     the country of the block (its ISO code, our country id).
  active          FROM..TO spans of public life from the Phoenix spans (any sector): the
                  tagger uses them to tell namesakes apart by the article's date.
  role            TITLE | COUNTRY | FROM..TO where the office is determined:
                  1. the leader lineage: the chain of consecutive GOV spans of a country's
                     first entries is one office; its title is the post its members held
                     when they spoke at the UN (President, Prime Minister...), by majority,
                     else the country's entry in chief_executives.txt (hand-written); a
                     chain with neither is not given an office.
                  2. IGO leaders (secretary-general of the UN and NATO, president of the
                     World Bank, managing director of the IMF).
                  3. UN General Debate posts (president, prime minister, foreign minister,
                     vice-president, monarchs): the speaker held it in that year; runs of
                     years are one role from 1 January of the first to 1 January after the
                     last, cut where a more precise source names another holder, and kept
                     only where a debate date falls inside.
                  A Phoenix span open at the end (`>DATE`) ends on the source's date
                  (2014-01-30): the source cannot say who held an office after it.

Merged: one person written more or less fully in one country (a UN debate's "Mohamed Hosni
Mubarak" and the Phoenix "Hosni Mubarak"): see fuller_name_groups; each merge is counted on
stderr ("same person under a fuller name merged"), and each short name that fits several
people is listed and left apart.

Dropped, and counted on stderr with the reason (`--verbose` lists every one): entries
without a date, names that are ordinary words, UN posts we do not model (ambassadors,
deputy prime ministers, other ministers), single-word UN names that match nobody, roles in
conflict with a more authoritative source, duplicates of curated people. A coverage table
(share of (country, year) pairs with a known head of state, head of government and
foreign minister, per decade) is printed on stderr.

Same sources in, same file out: records are sorted by id and every choice is ordered.

Usage (paths default to this repository and ../shared/actor-sources):
    scripts/dictionaries/generate_people.py            # (re)write the dictionary
    scripts/dictionaries/generate_people.py --check    # exit 1 if it is not up to date
    scripts/dictionaries/generate_people.py --output - # print it instead
Options: --sources DIR, --curated DIR, --words FILE (ordinary English words, default
/usr/share/dict/words: a one-word name in it is not a name), --version YYYY-MM-DD.N.
"""

import argparse
import collections
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
# ../shared beside the checkout, or where $DIPNEWS_SHARED_DIR says it is (tests/needs_shared.sh).
DEFAULT_SOURCES = os.path.join(os.environ.get("DIPNEWS_SHARED_DIR") or os.path.join(REPO, "..", "shared"),
                               "actor-sources")
DEFAULT_CURATED = os.path.join(REPO, "corpus", "dictionaries")
OUTPUT_NAME = "world-leaders.actors"
DEFAULT_VERSION = "2026-12-04.2"
DEFAULT_WORDS = "/usr/share/dict/words"
PHOENIX_DATE = "2014-01-30"  # Phoenix.Countries.actors.txt: "Generated at: Thu Jan 30 2014"
CHIEF_EXECUTIVES = os.path.join(HERE, "chief_executives.txt")

# UN General Debate posts we model, by the post's normalised text; anything else is a minor
# office for this dictionary (ambassadors, deputies, other ministers).
UN_POSTS = {
    "president": "president", "constitutional president": "president", "head of state": "president",
    "president and head of government": "president", "interim president": "president",
    "prime minister": "prime-minister", "head of government": "prime-minister",
    "president of the government": "prime-minister", "president of the council of ministers": "prime-minister",
    "chancellor": "chancellor", "federal chancellor": "chancellor",
    "minister for foreign affairs": "foreign-minister", "minister of foreign affairs": "foreign-minister",
    "minister for foregn affairs": "foreign-minister", "secretary of state": "foreign-minister",
    "secretary for foreign affairs": "foreign-minister", "minister of external affairs": "foreign-minister",
    "minister for external affairs": "foreign-minister",
    "vice president": "vice-president", "vice-president": "vice-president",
    "king": "king", "queen": "queen", "amir": "emir", "emir": "emir", "crown prince": "crown-prince",
}
# "Minister for Foreign Affairs and Trade" is still the foreign minister.
FOREIGN_PREFIXES = ("minister for foreign affairs", "minister of foreign affairs", "minister for foregn affairs")

# IGO codes of the Phoenix International file whose IGOrulers entries are the head.
IGO_LEADERS = {"IGOUNO": ("secretary-general", "un"), "IGOWSTNAT": ("secretary-general", "nato"),
               "IGOUNODEVWBK": ("president", "world-bank"), "IGOBUSIMF": ("managing-director", "imf")}

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "h e", "he", "his excellency", "her excellency", "excellency",
              "his majesty", "her majesty", "his highness", "her highness", "his royal highness", "sr", "sra"}
# Words a Phoenix synonym may start with that say an office, not a name ("PRESIDENT_RONALD_REAGAN").
OFFICE_WORDS = {"president", "former", "elect", "president-elect", "prime", "minister", "pm", "premier",
                "chancellor", "king", "queen", "emir", "sheikh", "general", "gen", "foreign", "secretary",
                "vice", "chairman", "leader", "mr", "mrs", "dr", "colonel", "col", "marshal", "sultan", "prince",
                "ayatollah", "senator", "sen", "governor", "gov", "ambassador", "deputy", "defense", "defence",
                "finance", "the", "of", "u.s.", "us", "state", "american", "british", "representative",
                "congressman", "congresswoman", "treasury", "trade", "attorney", "hojatolislam", "hojatoleslam",
                "general-secretary", "comrade"}
PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "des", "la", "le", "bin", "ibn",
             "bint", "al", "el", "y", "e", "dos", "das", "ben", "ter", "zu"}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
FAMILY_NAME_FIRST = {"chn", "twn", "kor", "prk", "hkg", "mac"}
HEAD_OF_STATE = ("president", "king", "queen", "emir", "supreme-leader")
HEAD_OF_GOVERNMENT = ("prime-minister", "chancellor")


class Failure(Exception):
    pass


# ---------------------------------------------------------------------------- text

# Letters NFKD does not decompose, spelt as the UN and the wires spell them in ASCII.
LETTERS = str.maketrans({"ð": "d", "þ": "th", "æ": "ae", "ø": "o", "ß": "ss", "ł": "l", "đ": "d", "ı": "i",
                         "œ": "oe"})


def norm(text):
    """The matcher's view of a name (as in generate_countries.py): case and accents folded,
    dots dropped, possessive 's dropped, punctuation splits words."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.translate(LETTERS)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace(".", "")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"(?<=\w)'(?=\w)", "", text)  # inner apostrophe: O'Connor = OConnor
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


def slug(text):
    return "-".join(re.sub(r"[^a-z0-9 ]", "", norm(text)).split())


def cap_word(word, first):
    """One word of a name in display case: particles lower case inside a name, Mc/O'
    prefixes and hyphenated parts capitalised, roman numerals in capitals."""
    low = word.lower()
    if low in ("ii", "iii", "iv", "vi"):
        return word.upper()
    if not first and low in PARTICLES:
        return low
    if re.fullmatch(r"([a-z]\.)*[a-z]\.?", low):  # initials: "A.", "U.S."
        return low.upper()
    out = "-".join(p[:1].upper() + p[1:] for p in low.split("-"))
    out = re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), out)
    out = re.sub(r"^O'([a-z])", lambda m: "O'" + m.group(1).upper(), out)
    return out


def display_name(raw):
    """`MARGARET_THATCHER_` -> `Margaret Thatcher`; `Mr. Abiy Ahmed` -> `Abiy Ahmed`. Text in
    mixed case keeps its case (the UN's `Sahle-Work Zewde`); words in capitals are re-cased."""
    text = raw.replace("_", " ").strip().strip(",;").strip()
    text = re.sub(r"\s+", " ", text)
    words = text.split(" ")
    # Honorifics at the start, one or two words ("Mr.", "H.E.", "His Excellency").
    changed = True
    while changed and len(words) > 1:
        changed = False
        for n in (3, 2, 1):
            if len(words) > n and norm(" ".join(words[:n])) in HONORIFICS:
                words = words[n:]
                changed = True
                break
    words = [w for w in words if w]
    out = []
    for i, w in enumerate(words):
        letters = [c for c in w if c.isalpha()]
        shouted = letters and all(c.isupper() for c in letters)
        out.append(cap_word(w, i == 0) if shouted and (len(letters) > 1 or "." not in w) else w)
    return " ".join(out)


def plain_forms(name):
    """Shorter forms of a name people write: without middle initials and without Jr/III."""
    words = name.split(" ")
    forms = []
    no_suffix = [w for w in words if w.lower().rstrip(",") not in SUFFIXES] if len(words) > 2 else words
    if no_suffix != words:
        forms.append(" ".join(no_suffix))
    no_initials = [w for i, w in enumerate(no_suffix)
                   if not (0 < i < len(no_suffix) - 1 and re.fullmatch(r"[A-Z]\.?", w))]
    if len(no_initials) >= 2 and no_initials != no_suffix:
        forms.append(" ".join(no_initials))
    return forms


def family_name(name, country):
    words = [w for w in name.split(" ") if w.lower().rstrip(",") not in SUFFIXES and not re.fullmatch(r"[A-Z]\.?", w)]
    if len(words) < 2:
        return None
    if country in FAMILY_NAME_FIRST:
        return words[0]
    last = words[-1]
    # "de Klerk", "von Weizsacker": the particle belongs to the family name.
    if len(words) >= 3 and words[-2].lower() in PARTICLES and words[-2].lower() not in ("y", "e"):
        return words[-2] + " " + last
    return last


NOT_A_NAME = {"administration", "government", "regime", "cabinet", "camp", "office", "family", "supporters",
              "loyalists", "forces", "party", "president", "minister", "secretary", "governor", "govenor"}


# Words of an entry that names a group or a body, not a person ("ISLAMIC_STATE_",
# "PALESTINIAN_AUTHORITY_"): the country blocks list some.
GROUP_WORDS = {"state", "authority", "party", "army", "forces", "front", "movement", "council", "ministry",
               "government", "republic", "union", "organization", "organisation", "committee", "league", "brigade",
               "brigades", "group", "association", "company", "bank", "police", "guard", "militia", "rebels",
               "islamic", "liberation", "national", "isis", "isil", "taliban", "mujahideen", "insurgents"}


def synonym_form(raw, name):
    """A Phoenix synonym as a name: words before the person's first name dropped
    ("PRESIDENT_RONALD_REAGAN" -> Ronald Reagan); None when what is left names an office or
    a group ("BUSH_ADMINISTRATION", "AMERICAN_PRESIDENT_BUSH")."""
    words = display_name(raw).split(" ")
    first = norm(name).split()[0] if norm(name) else ""
    for i, w in enumerate(words):
        if norm(w) == first:
            words = words[i:]
            break
    words = strip_office_words(" ".join(words)).split(" ")
    if not words or any(norm(w) in NOT_A_NAME for w in words):
        return None
    return " ".join(words)


def strip_office_words(raw):
    words = raw.replace("_", " ").split()
    while words and words[0].lower().rstrip(".") in OFFICE_WORDS:
        words = words[1:]
    return " ".join(words)


# ---------------------------------------------------------------------------- dates

def phoenix_date(text):
    """YYMMDD (years 30-99 are 19xx, 00-29 20xx) or YYYYMMDD -> YYYY-MM-DD, else None."""
    if re.fullmatch(r"\d{6}", text):
        year = int(text[:2])
        text = ("20" if year < 30 else "19") + text
    if not re.fullmatch(r"\d{8}", text):
        return None
    y, m, d = int(text[:4]), int(text[4:6]), int(text[6:])
    if not (1900 <= y <= 2030 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def parse_span(dates):
    """'790504-901128', '>070101', '<990101' -> (from, to) with to exclusive ('' = open), or
    None when a date is bad."""
    dates = dates.replace(" ", "")
    if dates.startswith(">"):
        start = phoenix_date(dates[1:])
        return (start, "") if start else None
    if dates.startswith("<"):
        return None  # only an end: no start to resolve a role from
    parts = dates.split("-")
    if len(parts) != 2:
        return None
    start, end = phoenix_date(parts[0]), phoenix_date(parts[1])
    if not start or not end or end <= start:
        return None
    return start, end


# ---------------------------------------------------------------------------- model

class Person:
    def __init__(self, name, country):
        self.name = name
        self.country = country  # our country id (lower-case ISO alpha-3) or None
        self.aliases = []
        self.surnames = []
        self.spans = []  # (from, to) of public life
        self.roles = []  # (title, of, from, to, priority)
        self.sources = set()
        self.order = 0  # position in the Phoenix block (leader lineage first)
        self.ungd = []  # (year, post title)

    def names(self):
        return [self.name] + self.aliases

    def add_alias(self, alias):
        if alias and norm(alias) not in {norm(n) for n in self.names()}:
            self.aliases.append(alias)


class Report:
    def __init__(self):
        self.dropped = collections.Counter()
        self.examples = collections.defaultdict(list)

    def drop(self, reason, what):
        self.dropped[reason] += 1
        if len(self.examples[reason]) < 5:
            self.examples[reason].append(what)
        self.examples.setdefault("_all", []).append(f"{reason}: {what}")


# ---------------------------------------------------------------------------- sources

ENTRY_CODES = re.compile(r"\[([A-Z]{3,12})\s*([^\]]*)\]")


def block_country(codes):
    """The country a block header names, or None when the entry is not a header. A header
    carries a bare country code: on its own line ("SOUTH_KOREA_  [KOR]"), or, for a country
    with a history, among dated codes on the lines below ("UKRAINE_" then [USRUKR <910824]
    [UKRUNR 910824-911221] [UKR >911221]): the code still open ('>' or no date) wins, else
    the last one (a country that no longer exists, such as CSK)."""
    bare = [(code, dates.strip()) for code, dates in codes if re.fullmatch(r"[A-Z]{3}", code)]
    if not bare:
        return None
    open_ended = [code for code, dates in bare if not dates or dates.startswith(">")]
    return (open_ended or [code for code, _ in bare])[-1].lower()


def read_phoenix_entries(path):
    """Every entry of the file, in order: [head, codes, synonyms, is_person, line number]. An
    entry's codes may follow on indented lines, so nothing is decided before the whole entry
    is read."""
    entries, current = [], None
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, 1):
            body = line.split("#", 1)[0].rstrip()
            if not body.strip():
                continue
            if body.startswith("+"):
                if current is not None:
                    current[2].append(body[1:].strip())
                continue
            if body[0] in " \t":
                if current is not None:
                    current[1].extend(ENTRY_CODES.findall(body))
                continue
            current = [body.split()[0], ENTRY_CODES.findall(body), [], "CountryInfo" in line, number]
            entries.append(current)
    return entries


def read_phoenix_countries(path, known_countries, words, report):
    """People per country block, in file order, with their spans and GOV spans."""
    people = []  # (head, codes, synonyms, block, line number)
    country = None
    for head, codes, synonyms, is_person, number in read_phoenix_entries(path):
        header = None if is_person else block_country(codes)
        if header is not None:
            country = header
            continue
        people.append((head, codes, synonyms, country, number))
    out = []
    for order, (head, codes, synonyms, block, number) in enumerate(people):
        where = f"Phoenix.Countries:{number} {head}"
        name = display_name(strip_office_words(head.replace("_", " ")))
        spans, gov = [], []
        for code, dates in codes:
            if not dates.strip():
                continue
            span = parse_span(dates)
            if span is None:
                report.drop("bad or one-sided date", f"{where} [{code} {dates}]")
                continue
            spans.append(span)
            if code[3:] == "GOV" and code[:3].lower() == block:
                gov.append(span)
        if not spans:
            report.drop("no date", where)
            continue
        if any(w in GROUP_WORDS for w in norm(name).split()):
            report.drop("not a person (a group or a body)", where)
            continue
        if len(norm(name).split()) < 2 and (norm(name) in words or len(norm(name)) < 4):
            report.drop("one-word name that is an ordinary word", where)
            continue
        p = Person(name, block if block in known_countries else None)
        for form in plain_forms(name):
            p.add_alias(form)
        p.spans = spans
        p.order = order
        p.sources.add("phoenix")
        for syn in synonyms:
            text = synonym_form(syn, name)
            if text is None:
                report.drop("synonym that names an office or a group, not the person", f"{where} +{syn}")
                continue
            if len(norm(text).split()) >= 2:
                p.add_alias(text)
                for form in plain_forms(text):
                    p.add_alias(form)
            elif norm(text) and norm(text) not in words and len(norm(text)) >= 4:
                if norm(text) not in {norm(x) for x in p.surnames}:
                    p.surnames.append(text)
        out.append((p, block, gov))
    return out


def read_igo_leaders(path, report):
    """(display name, title, organisation, from, to) of the IGOrulers entries we model."""
    leaders = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, 1):
            if "IGOrulers" not in line or line.startswith("#") or line[0] in " \t":
                continue
            head, rest = line.split("#", 1)[0], None
            name = re.split(r"[\t\[]", head)[0].strip().rstrip(")")
            if not name or "," in name or " " in name:
                report.drop("IGO entry with a malformed name", f"Phoenix.International:{number}")
                continue
            for code, dates in ENTRY_CODES.findall(head):
                if code not in IGO_LEADERS:
                    continue
                span = parse_span(dates)
                if span is None:
                    report.drop("bad or one-sided date", f"Phoenix.International:{number} {name}")
                    continue
                title, org = IGO_LEADERS[code]
                leaders.append((display_name(name), title, org, span[0], span[1] or PHOENIX_DATE))
    return sorted(set(leaders))


def un_post(post):
    p = norm(post)
    if p in UN_POSTS:
        return UN_POSTS[p]
    if p.startswith(FOREIGN_PREFIXES):
        return "foreign-minister"
    if p.startswith("prime minister"):
        return "prime-minister"  # "Prime Minister and Minister for Foreign Affairs"
    if p.startswith("president") and "council" not in p and "assembly" not in p and "european" not in p:
        return "president"
    return None


def read_ungd(path, known_countries, report):
    rows = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for number, line in enumerate(f, 2):
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            iso, speaker, post = row.get("iso3", "").lower(), row.get("speaker", ""), row.get("post", "")
            where = f"ungd-speakers.tsv:{number} {row.get('year')} {iso} {speaker!r}"
            if iso not in known_countries:
                report.drop("UN speaker of a country we do not list", where)
                continue
            title = un_post(post) if post else None
            if not title:
                report.drop("UN post not modelled (no post, ambassador, deputy, other minister)", where)
                continue
            name = display_name(strip_office_words(display_name(speaker)))
            if not name:
                continue
            rows.append((int(row["year"]), iso, name, title, where))
    return rows


def read_chief_executives(path):
    table = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) != 2:
                raise Failure(f"{path}:{number}: expected 'ISO3 TITLE'")
            table[parts[0]] = parts[1]
    return table


def read_curated(directory, exclude):
    """Records of the curated *.actors files: ids, names (normalised) and person roles."""
    ids, names, roles, titles = set(), {}, [], set()
    for file in sorted(os.listdir(directory)):
        if not file.endswith(".actors") or file == exclude:
            continue
        record = {}
        with open(os.path.join(directory, file), encoding="utf-8") as f:
            for line in list(f) + [""]:
                line = line.strip()
                if line.startswith("#"):
                    continue
                if not line:
                    if "actor" in record:
                        _curated_record(record, ids, names, roles)
                    elif "title" in record:
                        titles.add(record["title"][0])
                    record = {}
                    continue
                key, _, value = line.partition(":")
                record.setdefault(key.strip(), []).append(value.strip())
    return ids, names, roles, titles


def _curated_record(record, ids, names, roles):
    actor = record["actor"][0]
    ids.add(actor)
    for key in ("name", "alias", "former", "demonym", "capital", "city", "region", "metonym", "surname"):
        for value in record.get(key, []):
            for n in value.split("|"):
                if norm(n):
                    names.setdefault(norm(n), set()).add((actor, key, record["type"][0]))
    for value in record.get("role", []):
        title, of, dates = [x.strip() for x in value.split("|")]
        start, _, end = dates.partition("..")
        roles.append((title, of, start, end, actor))


# ---------------------------------------------------------------------------- building

def sorted_run_start(block_people):
    """Index where the alphabetical run of ministers at the end of a block begins."""
    i = len(block_people) - 1
    while i > 0 and norm(block_people[i - 1].name) <= norm(block_people[i].name):
        i -= 1
    return i


def lineage_chains(leaders):
    """Chains of offices in the order the block lists its leaders: an entry continues a chain
    when one of its GOV spans starts within 45 days of the end of the chain's last span
    (Reagan's 1981 span follows Carter's; Bush's 1981 span, as vice-president, does not
    follow anyone, his 1989 span follows Reagan's). An entry that continues no chain starts
    one; its span is fixed by the entry that follows it. A chain of one entry is no lineage."""
    chains = []  # each: list of (person, [candidate spans]); the last entry may have several
    for person, gov in leaders:
        spans = sorted((s, e or PHOENIX_DATE) for s, e in gov)
        placed = False
        for chain in reversed(chains):
            last_person, last_spans = chain[-1]
            for ls, le in last_spans:
                follow = [(s, e) for s, e in spans if abs(days(s) - days(le)) <= 45]
                if follow:
                    chain[-1] = (last_person, [(ls, le)])
                    chain.append((person, follow[:1]))
                    placed = True
                    break
            if placed:
                break
        if not placed:
            chains.append([(person, spans)])
    out = []
    for chain in chains:
        if len(chain) < 2:
            continue
        out.append([(spans[-1][0], spans[-1][1], person) for person, spans in chain])
    return out


def days(date):
    y, m, d = (int(x) for x in date.split("-"))
    return y * 372 + m * 31 + d


def match_person(index, iso, name, year):
    """The person of a country a UN name means: same normalised name (of the namesakes, the
    one active in that year), else same first and last word, else (for a one-word name) the
    only person of that country with that family name."""
    key = norm(name)
    hits = index["all"].get((iso, key), [])
    active = [p for p in hits if any(s[:4] <= str(year) <= (e or PHOENIX_DATE)[:4] for s, e in p.spans)]
    if len(active) == 1 or (hits and not active):
        return (active or hits)[0]
    hit = index["full"].get((iso, key))
    if hit:
        return hit
    words = key.split()
    if len(words) >= 2:
        hits = index["ends"].get((iso, words[0], words[-1]), [])
        if len(hits) == 1:
            return hits[0]
        return None
    hits = index["family"].get((iso, key), [])
    return hits[0] if len(hits) == 1 else None


def build_index(people):
    index = {"full": {}, "all": collections.defaultdict(list), "ends": collections.defaultdict(list),
             "family": collections.defaultdict(list)}
    for p in people:
        for n in p.names():
            index["full"].setdefault((p.country, norm(n)), p)
            if p not in index["all"][(p.country, norm(n))]:
                index["all"][(p.country, norm(n))].append(p)
            w = norm(n).split()
            if len(w) >= 2 and p not in index["ends"][(p.country, w[0], w[-1])]:
                index["ends"][(p.country, w[0], w[-1])].append(p)
        for s in p.surnames:
            if p not in index["family"][(p.country, norm(s))]:
                index["family"][(p.country, norm(s))].append(p)
    return index


def merge_duplicates(entries, report):
    """One person per (country, normalised name or alias): later entries fold into the first."""
    people, by_key = [], {}
    for p, block, gov in entries:
        keys = [(p.country, norm(p.name))]
        first = next((by_key[k] for k in keys if k in by_key), None)
        if first is None:
            people.append((p, block, gov))
            for k in keys:
                by_key[k] = (p, block, gov)
            continue
        q = first[0]
        report.drop("duplicate entry merged", f"{p.name} ({p.country}) into {q.name}")
        for n in p.names():
            q.add_alias(n)
        q.surnames += [s for s in p.surnames if s not in q.surnames]
        q.spans += [s for s in p.spans if s not in q.spans]
        first[2].extend(s for s in gov if s not in first[2])
        for k in keys:
            by_key.setdefault(k, first)
    return people


def _name_words(name):
    return [w for w in norm(name).split() if w not in SUFFIXES and len(w) > 1]


def _is_subsequence(short, long):
    it = iter(long)
    return all(w in it for w in short)


PATRONYMIC = {"bin", "ibn", "bint", "binti", "ben", "ould", "walad"}


def _ends_name(short, long):
    """`short` is how `long` ends, after given names or honorifics ("Hosni Mubarak" of
    "Mohamed Hosni Mubarak", "Khaleda Zia" of "Begum Khaleda Zia"), and not after a
    patronymic: "Hamad bin Khalifa al Thani" is the father of "Tamim bin Hamad bin Khalifa
    al Thani". A run of words elsewhere ("James Brown" in "James Gordon Brown") is not."""
    n = len(short)
    return len(long) > n and long[-n:] == short and long[-n - 1] not in PATRONYMIC


def _overlap(a, b):
    """Two people's spans of public life meet (an open span runs on past the source's date)."""
    return any(s1 < (e2 or "9999") and s2 < (e1 or "9999") for s1, e1 in a.spans for s2, e2 in b.spans)


def _fuller_forms_agree(short, full):
    """The short record's own fuller forms must fit the other's names too ("Jose Lopez
    Portillo y Pacheco" does not fit "Jose Maria Lopez Portillo"), and the two may not
    already share a name: namesakes the sources keep apart, each with the other's plain
    form among its names (George Bush, father and son), stay apart."""
    if {norm(n) for n in short.names()} & {norm(n) for n in full.names()}:
        return False
    own = len(_name_words(short.name))
    other = [_name_words(n) for n in full.names()]
    return all(any(_is_subsequence(w, o) or _is_subsequence(o, w) for o in other)
               for w in (_name_words(n) for n in short.names()) if len(w) > own)


def fuller_name_groups(people):
    """Groups of people that are one person written more or less fully: same country, same
    family name, each shorter name (two words at least) the end of a fuller one ("Hosni
    Mubarak" of "Mohamed Hosni Mubarak", see _ends_name), and spans of public life that meet. A
    group is kept only when it is closed and every two of its names nest ("Nawaz Sharif",
    "Mian Nawaz Sharif", "Mian Muhammad Nawaz Sharif"): a short name that fits two people who
    do not nest ("Kim Il": Kim Il Sung, Kim Il Chol) could be either, and is left apart,
    as is a fuller name that contains two shorter people; so is a short record whose own
    fuller forms do not nest with the other's names (George Bush, George W. Bush). Returns
    (groups, left apart)."""
    by_family = collections.defaultdict(list)
    for p in people:
        f = family_name(p.name, p.country)
        if p.country and f and len(_name_words(p.name)) >= 2:
            by_family[(p.country, norm(f))].append(p)
    fits = collections.defaultdict(set)  # shorter -> fuller
    fitted = collections.defaultdict(set)  # fuller -> shorter
    for group in by_family.values():
        for s in group:
            sw = _name_words(s.name)
            for l in group:
                if s is l or not _overlap(s, l) or not _fuller_forms_agree(s, l):
                    continue
                if any(_ends_name(sw, _name_words(n)) for n in l.names()):
                    fits[id(s)].add(id(l))
                    fitted[id(l)].add(id(s))
    by_id = {id(p): p for p in people}
    nested = lambda a, b: a in fits[b] or b in fits[a]  # noqa: E731
    groups, apart, seen = [], [], set()
    for s_id in sorted(fits, key=lambda i: (by_id[i].country, norm(by_id[i].name))):
        if s_id in seen:
            continue
        group = {s_id} | fits[s_id]
        closed = all(fits[m] <= group and fitted[m] <= group for m in group)
        if closed and all(nested(a, b) for a in group for b in group if a != b):
            groups.append(sorted((by_id[m] for m in group), key=lambda p: (len(_name_words(p.name)), norm(p.name))))
            seen |= group
        elif not fitted[s_id]:
            apart.append(f"{by_id[s_id].name} ({by_id[s_id].country}) fits {len(fits[s_id])} people")
    return groups, apart


def merge_fuller_names(people, report):
    """Merges each group of fuller_name_groups into one actor. A record the Phoenix lists keep
    survives (the longer record of public life), the shortest such name first (the usual
    form); the others' names become aliases, and spans, roles, UN posts and sources join."""
    groups, apart = fuller_name_groups(people)
    gone = set()
    for group in groups:
        keep = next((p for p in group if "phoenix" in p.sources), group[0])
        for other in group:
            if other is keep:
                continue
            report.drop("same person under a fuller name merged", f"{other.name} into {keep.name} ({keep.country})")
            for n in other.names():
                keep.add_alias(n)
            keep.surnames += [s for s in other.surnames if s not in keep.surnames]
            keep.spans += [s for s in other.spans if s not in keep.spans]
            keep.roles += [r for r in other.roles if r not in keep.roles]
            keep.ungd += other.ungd
            keep.sources |= other.sources
            gone.add(id(other))
    for what in apart:
        report.drop("fuller-name match left apart (not one group; kept, not dropped)", what)
    return [p for p in people if id(p) not in gone]


def fold_surname_entries(people_blocks, report):
    """An entry named by one word that is the family name of exactly one other person of its
    country ("PRESIDENT_REAGAN" -> Reagan) is that person: its spans join theirs."""
    family = collections.defaultdict(list)
    for entry in people_blocks:
        p = entry[0]
        if len(norm(p.name).split()) >= 2:
            f = family_name(p.name, p.country)
            if f:
                family[(p.country, norm(f))].append(entry)
    out = []
    for entry in people_blocks:
        p = entry[0]
        owners = family.get((p.country, norm(p.name)), []) if len(norm(p.name).split()) == 1 else []
        if len(owners) == 1:
            q = owners[0][0]
            report.drop("one-word entry folded into the person of that family name", f"{p.name} -> {q.name}")
            q.spans += [s for s in p.spans if s not in q.spans]
            continue
        out.append(entry)
    return out


def assign_lineages(people_blocks, ungd_titles, chief, report):
    """Roles of the leader lineages (see the module doc). A block may hold several chains
    (monarchs and prime ministers, presidents and their cabinet): each title goes to one
    chain at most, the one most of whose UN-debate votes name it (two votes at least), and
    the hand table's title to the chain that covers the most years with terms averaging
    under 12 years (a chain of monarchs is not a chief executive), when no chain has it."""
    by_block = collections.defaultdict(list)
    for p, block, gov in people_blocks:
        by_block[block].append((p, gov))
    for block in sorted(k for k in by_block if k):
        members = by_block[block]
        cut = sorted_run_start([p for p, _ in members])
        leaders = [(p, gov) for p, gov in members[:cut] if gov]
        chains = lineage_chains(leaders)
        titled = {}  # title -> (votes, chain index)
        for i, chain in enumerate(chains):
            votes = collections.Counter()
            for start, end, person in chain:
                for year, title in ungd_titles.get(id(person), []):
                    if start[:4] <= str(year) <= end[:4]:
                        votes[title] += 1
            if votes:
                best, count = votes.most_common(1)[0]
                if count >= 2 and count * 3 >= sum(votes.values()) * 2 and count > titled.get(best, (0, 0))[0]:
                    titled[best] = (count, i)
        title = chief.get(block)
        if title and title not in titled:
            fit = [(covered(c), i) for i, c in enumerate(chains) if mean_term(c) <= 372 * 12
                   and i not in {j for _, j in titled.values()}]
            if fit:
                titled[title] = (0, max(fit)[1])
        chosen = {i: t for t, (_, i) in titled.items()}
        for i, chain in enumerate(chains):
            if i not in chosen:
                report.drop("leader lineage with no known office", f"{block}: " +
                            ", ".join(p.name for _, _, p in chain)[:120])
                continue
            for start, end, person in chain:
                t = chosen[i]
                if t in ("king", "queen"):
                    t = "queen" if norm(person.name).startswith("queen") else "king"
                person.roles.append((t, block, start, end, 1))


def covered(chain):
    return sum(days(e) - days(s) for s, e, _ in chain)


def mean_term(chain):
    return covered(chain) / len(chain)


def resolve_offices(people, curated_roles, report):
    """One holder per office per day: curated roles first, then by priority (lineage,
    IGO, UN debate), then by start; a role overlapping an accepted one of another person is
    cut to the gaps, and a UN-debate role is kept only where a debate date falls inside."""
    accepted = collections.defaultdict(list)  # (title, of) -> [(from, to, owner)]
    for title, of, start, end, actor in curated_roles:
        accepted[(title, of)].append((start, end or "9999-12-31", "curated:" + actor))
    candidates = []
    for p in people:
        for title, of, start, end, priority in p.roles:
            candidates.append((priority, start, end, title, of, p))
    candidates.sort(key=lambda c: (c[0], c[1], c[2], c[3], c[4], c[5].name))
    for p in people:
        p.final_roles = []
    for priority, start, end, title, of, p in candidates:
        taken = [(s, e) for s, e, owner in accepted[(title, of)] if owner is not p]
        pieces = subtract((start, end or "9999-12-31"), taken)
        if priority == 3:
            pieces = [(s, e) for s, e in pieces if any(s <= f"{y}-09-20" < e for y in range(int(s[:4]), int(e[:4]) + 1))]
        if not pieces:
            report.drop("role in conflict with a more authoritative source", f"{p.name}: {title} of {of} {start}..{end}")
            continue
        own = [(s, e) for s, e, owner in accepted[(title, of)] if owner is p]
        for s, e in pieces:
            for s2, e2 in subtract((s, e), own):
                accepted[(title, of)].append((s2, e2, p))
    for (title, of), spans in accepted.items():
        for s, e, owner in spans:
            if isinstance(owner, Person):
                owner.final_roles.append((title, of, s, "" if e == "9999-12-31" else e))
    for p in people:
        p.final_roles = merge_adjacent(sorted(set(p.final_roles), key=lambda r: (r[2], r[0], r[1])))


def subtract(span, taken):
    pieces = [span]
    for s, e in taken:
        out = []
        for a, b in pieces:
            if e <= a or s >= b:
                out.append((a, b))
                continue
            if a < s:
                out.append((a, s))
            if e < b:
                out.append((e, b))
        pieces = out
    return [(a, b) for a, b in pieces if a < b]


def merge_adjacent(roles):
    out = []
    for r in roles:
        if out and out[-1][:2] == r[:2] and out[-1][3] == r[2]:
            out[-1] = (r[0], r[1], out[-1][2], r[3])
        else:
            out.append(r)
    return out


def merge_spans(spans):
    out = []
    for s, e in sorted((s, e or PHOENIX_DATE) for s, e in spans):
        if e <= s:
            continue  # open after the source's date: says nothing we can date
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def add_ungd(people, rows, report):
    """UN debate speakers: matched to known people of their country, or new people."""
    index = build_index(people)
    ungd_titles = collections.defaultdict(list)
    new = {}
    for year, iso, name, title, where in sorted(rows):
        person = match_person(index, iso, name, year)
        if person is None:
            if len(norm(name).split()) < 2:
                report.drop("one-word UN name that matches nobody", where)
                continue
            person = new.get((iso, norm(name)))
            if person is None:
                person = Person(name, iso)
                new[(iso, norm(name))] = person
                people.append(person)
                index["all"][(iso, norm(name))].append(person)
                index["full"][(iso, norm(name))] = person
                w = norm(name).split()
                index["ends"][(iso, w[0], w[-1])].append(person)
        elif len(norm(name).split()) >= 2:
            person.add_alias(name)
        person.sources.add("ungd")
        person.ungd.append((year, title))
        ungd_titles[id(person)].append((year, title))
    return ungd_titles


def ungd_roles(people):
    """Runs of consecutive years in one post become one role (priority 3)."""
    for p in people:
        by_title = collections.defaultdict(set)
        for year, title in p.ungd:
            by_title[title].add(year)
        for title, years in sorted(by_title.items()):
            run = []
            for y in sorted(years) + [None]:
                if run and (y is None or y != run[-1] + 1):
                    p.roles.append((title, p.country, f"{run[0]}-01-01", f"{run[-1] + 1}-01-01", 3))
                    run = []
                if y is not None:
                    run.append(y)
        if p.ungd and not p.spans:
            years = sorted(y for y, _ in p.ungd)
            p.spans = [(f"{years[0]}-01-01", f"{years[-1] + 1}-01-01")]


def add_igo(people, leaders, report):
    by_name = collections.defaultdict(list)
    for p in people:
        for n in p.names():
            by_name[norm(n)].append(p)
    for name, title, org, start, end in leaders:
        hits = by_name.get(norm(name), [])
        w = norm(name).split()
        if not hits and len(w) >= 2:
            hits = [p for p in people if p.names() and norm(p.name).split()[:1] == w[:1]
                    and norm(p.name).split()[-1:] == w[-1:]]
        person = hits[0] if len(hits) == 1 else None
        if person is None:
            if len(norm(name).split()) < 2:
                report.drop("one-word IGO name", name)
                continue
            person = Person(name, None)
            people.append(person)
            by_name[norm(name)].append(person)
        person.add_alias(name)
        person.sources.add("phoenix")
        person.affiliation_org = org
        person.spans.append((start, end))
        if start < end:
            person.roles.append((title, org, start, end, 2))


def claim_names(people, curated_names, words, report):
    """Curated actors keep their names; a generated person who is a curated person is dropped.
    Names and surnames shared by generated people become ambiguous in each, and so do
    one-word surnames that are ordinary words ("Baker", "Young"): the tagger lets a surname
    that is neither stand alone in a title or a lead."""
    kept = []
    for p in people:
        owners = {a for n in p.names() for a, key, kind in curated_names.get(norm(n), ()) if kind == "person"}
        if owners and norm(p.name) in curated_names:
            report.drop("same person as a curated one (curated kept)", f"{p.name} = {', '.join(sorted(owners))}")
            continue
        p.aliases = [a for a in p.aliases if norm(a) not in curated_names]
        if norm(p.name) in curated_names:
            report.drop("name owned by a curated actor", p.name)
            continue
        f = family_name(p.name, p.country)
        if f and norm(f) != norm(p.name):
            p.surnames = dedupe([f] + p.surnames)
        p.surnames = [s for s in p.surnames if norm(s) not in curated_names and len(norm(s)) >= 3]
        kept.append(p)
    claims = collections.defaultdict(set)
    for i, p in enumerate(kept):
        for n in p.names() + p.surnames:
            claims[norm(n)].add(i)
    for i, p in enumerate(kept):
        own = {norm(n) for n in p.names() + p.surnames}
        p.ambiguous = [n for n in dedupe(p.names() + p.surnames)
                       if len(claims[norm(n)]) > 1 or (n in p.surnames and norm(n) in words)]
        assert all(norm(n) in own for n in p.ambiguous)
    return kept


def dedupe(values):
    seen, out = set(), []
    for v in values:
        if norm(v) not in seen:
            seen.add(norm(v))
            out.append(v)
    return out


def assign_ids(people, curated_ids, report):
    taken = set(curated_ids)
    for p in sorted(people, key=lambda p: (slug(p.name), p.country or "", min(p.spans or [("", "")]))):
        base = slug(p.name) or "person"
        candidate = base
        if candidate in taken:
            candidate = f"{base}-{p.country or 'igo'}"
        n = 2
        while candidate in taken:
            candidate = f"{base}-{p.country or 'igo'}-{n}"
            n += 1
        if candidate != base:
            report.drop("id collision resolved (renamed, not dropped)", f"{base} -> {candidate}")
        taken.add(candidate)
        p.id = candidate


# ---------------------------------------------------------------------------- output

def render(people, version):
    lines = ["dictionary: actors", f"version: {version}",
             "# People of every country since 1945: leaders, ministers and officials with their years",
             "# of public life, and dated offices where the sources determine them. Generated by",
             "# scripts/dictionaries/generate_people.py from the CAMEO/Phoenix actor dictionaries",
             "# (PETRARCH2, openeventdata/petrarch2 676801c; lists of the CAMEO project and the CIA",
             "# World Leaders series) and the UN General Debate speakers 1946-2024 (Baturo, Dasandi,",
             "# Mikhaylov; Jankin et al., v12): do not edit by hand; edit corpus/dictionaries/people.actors",
             "# (the curated authority) or the generator and run it again.",
             "# Roles from UN debates are dated by year (1 January to 1 January); open Phoenix spans end",
             "# on the source's date, 2014-01-30.",
             "#",
             "# Phoenix dictionaries: The MIT License (MIT), Copyright (c) 2014 Open Event Data Alliance.",
             "# Permission is hereby granted, free of charge, to any person obtaining a copy of this",
             "# software and associated documentation files (the \"Software\"), to deal in the Software",
             "# without restriction, including without limitation the rights to use, copy, modify, merge,",
             "# publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons",
             "# to whom the Software is furnished to do so, subject to the following conditions: The above",
             "# copyright notice and this permission notice shall be included in all copies or substantial",
             "# portions of the Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND,",
             "# EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS",
             "# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT",
             "# HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT,",
             "# TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR",
             "# OTHER DEALINGS IN THE SOFTWARE.",
             "# UN General Debate Corpus speakers: CC0 per its distributing repository.", ""]
    for p in sorted(people, key=lambda p: p.id):
        lines.append(f"actor: {p.id}")
        lines.append("type: person")
        lines.append(f"name: {p.name}")
        for i in range(0, len(p.aliases), 6):
            lines.append("alias: " + " | ".join(p.aliases[i:i + 6]))
        if p.surnames:
            lines.append("surname: " + " | ".join(p.surnames))
        if p.ambiguous:
            lines.append("ambiguous: " + " | ".join(p.ambiguous))
        affiliations = [x for x in (p.country, getattr(p, "affiliation_org", None)) if x]
        if affiliations:
            lines.append("affiliation: " + " | ".join(affiliations))
        for s, e in merge_spans(p.spans):
            lines.append(f"active: {s}..{e}")
        for title, of, s, e in p.final_roles:
            lines.append(f"role: {title} | {of} | {s}..{e}")
        lines.append("source: " + " | ".join(sorted(p.sources)))
        lines.append("")
    return "\n".join(lines)


def coverage(people, curated_roles, countries):
    """Share of (country, year) pairs, per decade, with a head of state, a head of
    government and a foreign minister known on 1 July of that year."""
    held = collections.defaultdict(list)  # (country, kind) -> spans
    for title, of, s, e in [r for p in people for r in p.final_roles] + [r[:4] for r in curated_roles]:
        for kind, titles in (("state", HEAD_OF_STATE), ("government", HEAD_OF_GOVERNMENT + ("president",)),
                             ("foreign", ("foreign-minister",))):
            if title in titles:
                held[(of, kind)].append((s, e or "9999"))
    rows = []
    for decade in range(1950, 2030, 10):
        counts = collections.Counter()
        pairs = 0
        for year in range(decade, min(decade + 10, 2025)):
            day = f"{year}-07-01"
            for c in countries:
                pairs += 1
                for kind in ("state", "government", "foreign"):
                    if any(s <= day < e for s, e in held.get((c, kind), ())):
                        counts[kind] += 1
        rows.append((decade, pairs, counts))
    return rows


def build(sources, curated_dir, words_path, report):
    words = set()
    if words_path:
        # Never silently without: the output would differ (one-word names kept as names).
        if not os.path.exists(words_path):
            raise SystemExit("generate_people: error: %s: no such word list (apt-get install wamerican, "
                             "or give --words FILE, or --words '' for none)" % words_path)
        with open(words_path, encoding="utf-8", errors="replace") as f:
            words = {w.strip() for w in f if w.strip() and w.strip().islower()}
    curated_ids, curated_names, curated_roles, _ = read_curated(curated_dir, OUTPUT_NAME)
    countries = {a for key in curated_names.values() for a, k, kind in key if kind == "country"}
    chief = read_chief_executives(CHIEF_EXECUTIVES)
    entries = read_phoenix_countries(os.path.join(sources, "phoenix", "Phoenix.Countries.actors.txt"),
                                     countries, words, report)
    merged = fold_surname_entries(merge_duplicates(entries, report), report)
    people = [p for p, _, _ in merged]
    ungd = read_ungd(os.path.join(sources, "ungd-speakers.tsv"), countries, report)
    ungd_titles = add_ungd(people, ungd, report)
    assign_lineages(merged, ungd_titles, chief, report)
    ungd_roles(people)
    add_igo(people, read_igo_leaders(os.path.join(sources, "phoenix", "Phoenix.International.actors.txt"), report),
            report)
    people = merge_fuller_names(people, report)
    people = claim_names(people, curated_names, words, report)
    resolve_offices(people, curated_roles, report)
    assign_ids(people, curated_ids, report)
    return people, coverage(people, curated_roles, sorted(countries))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", default=DEFAULT_SOURCES)
    ap.add_argument("--curated", default=DEFAULT_CURATED)
    ap.add_argument("--words", default=DEFAULT_WORDS)
    ap.add_argument("--output", default=None)
    ap.add_argument("--version", default=DEFAULT_VERSION)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--verbose", action="store_true", help="list every dropped entry")
    args = ap.parse_args(argv)
    output = args.output or os.path.join(args.curated, OUTPUT_NAME)
    report = Report()
    try:
        people, cover = build(args.sources, args.curated, args.words, report)
    except (Failure, OSError) as e:
        print(f"generate_people: error: {e}", file=sys.stderr)
        return 1
    text = render(people, args.version)
    log = sys.stderr
    print(f"generate_people: {len(people)} people, {sum(len(p.final_roles) for p in people)} dated roles", file=log)
    for reason, count in sorted(report.dropped.items(), key=lambda x: (-x[1], x[0])):
        print(f"  dropped {count:6}  {reason}  (e.g. {'; '.join(report.examples[reason][:2])})", file=log)
    if args.verbose:
        for line in report.examples.get("_all", []):
            print("  " + line, file=log)
    print("  coverage on 1 July, share of (country, year) pairs: decade  head of state  head of government  "
          "foreign minister", file=log)
    for decade, pairs, counts in cover:
        print(f"    {decade}s  {counts['state'] / pairs:6.1%}  {counts['government'] / pairs:6.1%}  "
              f"{counts['foreign'] / pairs:6.1%}", file=log)
    if output == "-":
        sys.stdout.write(text)
        return 0
    if args.check:
        try:
            with open(output, encoding="utf-8") as f:
                same = f.read() == text
        except OSError:
            same = False
        if not same:
            print(f"generate_people: {output} is not up to date; run {sys.argv[0]}", file=sys.stderr)
            return 1
        return 0
    with open(output, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"generate_people: wrote {output}", file=log)
    return 0


if __name__ == "__main__":
    sys.exit(main())
