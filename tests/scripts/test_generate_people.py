#!/usr/bin/env python3
"""Unit tests of scripts/dictionaries/generate_people.py on small hand-written excerpts of
its sources (no ../shared needed): dates in both Phoenix formats, synonyms, duplicates,
a role code without dates, UN names with honorifics, the curated file as authority, and
the same output for the same input."""
import contextlib
import io
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts", "dictionaries"))
import generate_people as gp  # noqa: E402

COUNTRIES = """\
# excerpt in the Phoenix format
UTOPIA_  [UTO]
+UTOPIAN_

ALAN_FIRST_  # CountryInfo.txt
\t[UTOELI 19400101-700101]
\t[UTOGOV 700101-800315]
\t[UTOELI]
BETTY_SECOND_  # CountryInfo.txt
+PRESIDENT_BETTY_SECOND
+BETTY_Q._SECOND
+SECOND_ADMINISTRATION
\t[UTOGOV 19800315-19900101]
CARL_THIRD_  # CountryInfo.txt
\t[UTOGOV 900101-950601]
ZED_NODATE_  # CountryInfo.txt
\t[UTOGOV]
ANNA_MINISTER_  # CountryInfo.txt
\t[UTOGOV 050101-060101]
ANNA_MINISTER  # CountryInfo.txt
\t[UTOGOVBUS 060101-070101]
BORIS_MINISTER_  # CountryInfo.txt
\t[UTOGOV >100101]
"""

UNGD = """year\tsession\tiso3\tcountry\tspeaker\tpost
1996\t51\tUTO\tUtopia\tMr. Carl Third\tPresident
2019\t74\tUTO\tUtopia\tH.E. Dora Fourth\tPresident
2020\t75\tUTO\tUtopia\tMrs. DORA FOURTH\tPresident
2020\t75\tUTO\tUtopia\tMr. Some Envoy\tUN Representative
"""

CURATED = """dictionary: actors
version: 2026-01-01.1

actor: uto
type: country
name: Utopia

title: president
name: president

title: king
name: king

actor: carl-third
type: person
name: Carl Third
affiliation: uto
role: president | uto | 1990-01-01..1996-01-01
"""

# One person written more or less fully (a Phoenix entry and a UN speaker), a short name two
# different people contain, and two namesakes whose public lives never meet.
FULLER_NAMES = """\
UTOPIA_  [UTO]

HOSNI_MUBARAK_  # CountryInfo.txt
\t[UTOGOV 810101-110211]
AHMED_ALI_KHAN_  # CountryInfo.txt
\t[UTOELI 900101-000101]
MOHAMMAD_ALI_KHAN_  # CountryInfo.txt
\t[UTOELI 920101-020101]
ALI_KHAN_  # CountryInfo.txt
\t[UTOELI 950101-970101]
OMAR_HASSAN_  # CountryInfo.txt
\t[UTOELI 500101-600101]
AHMED_OMAR_HASSAN_  # CountryInfo.txt
\t[UTOELI 000101-100101]
HAMAD_BIN_KHALIFA_AL_THANI_  # CountryInfo.txt
\t[UTOELI 700101-130625]
TAMIM_BIN_HAMAD_BIN_KHALIFA_AL_THANI_  # CountryInfo.txt
\t[UTOELI 030101-140101]
JAMES_GORDON_BROWN_  # CountryInfo.txt
\t[UTOELI 830101-100511]
JAMES_BROWN_  # CountryInfo.txt
\t[UTOELI 900101-100101]
"""

FULLER_UNGD = """year\tsession\tiso3\tcountry\tspeaker\tpost
1985\t40\tUTO\tUtopia\tMr. Mohamed Hosni Mubarak\tPresident
1986\t41\tUTO\tUtopia\tH.E. Mohamed Hosni MUBARAK\tPresident
"""


class GeneratorTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        root = self.tmp.name
        os.makedirs(os.path.join(root, "src", "phoenix"))
        os.makedirs(os.path.join(root, "dict"))
        self.write("src/phoenix/Phoenix.Countries.actors.txt", COUNTRIES)
        self.write("src/phoenix/Phoenix.International.actors.txt", "")
        self.write("src/ungd-speakers.tsv", UNGD)
        self.write("dict/curated.actors", CURATED)
        self.words = self.write("words", "second\nthird\n")
        self.chief = self.write("chief", "uto president\n")

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, text):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def run_generator(self):
        out = os.path.join(self.tmp.name, "out.actors")
        gp.CHIEF_EXECUTIVES = self.chief
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = gp.main(["--sources", os.path.join(self.tmp.name, "src"), "--curated",
                            os.path.join(self.tmp.name, "dict"), "--words", self.words, "--output", out])
        self.assertEqual(code, 0, err.getvalue())
        with open(out, encoding="utf-8") as f:
            return f.read(), err.getvalue()

    def record(self, text, actor_id):
        for block in text.split("\n\n"):
            if block.startswith(f"actor: {actor_id}\n"):
                return block.splitlines()
        self.fail(f"no record {actor_id} in:\n{text}")

    def test_dates_in_both_formats_give_a_lineage_of_dated_roles(self):
        text, _ = self.run_generator()
        # YYMMDD and YYYYMMDD spans follow one another: one chain, the table's office.
        self.assertIn("role: president | uto | 1970-01-01..1980-03-15", self.record(text, "alan-first"))
        self.assertIn("role: president | uto | 1980-03-15..1990-01-01", self.record(text, "betty-second"))
        self.assertIn("active: 1940-01-01..1980-03-15", self.record(text, "alan-first"))

    def test_synonyms_become_aliases_without_offices_or_groups(self):
        text, err = self.run_generator()
        betty = self.record(text, "betty-second")
        self.assertIn("alias: Betty Q. Second", betty)  # PRESIDENT_ dropped: the same name
        self.assertIn("surname: Second", betty)
        self.assertFalse(any("Administration" in line for line in betty))
        self.assertIn("synonym that names an office or a group", err)

    def test_duplicates_merge_into_one_actor(self):
        text, err = self.run_generator()
        anna = self.record(text, "anna-minister")
        self.assertIn("active: 2005-01-01..2007-01-01", anna)  # both entries' spans
        self.assertEqual(text.count("name: Anna Minister"), 1)
        self.assertIn("duplicate entry merged", err)

    def test_role_code_without_dates_is_dropped_with_its_reason(self):
        text, err = self.run_generator()
        self.assertNotIn("Zed Nodate", text)
        self.assertIn("no date", err)

    def test_open_span_ends_on_the_source_date(self):
        text, _ = self.run_generator()
        self.assertIn(f"active: 2010-01-01..{gp.PHOENIX_DATE}", self.record(text, "boris-minister"))

    def test_un_speakers_honorifics_dropped_spellings_merged_posts_by_year(self):
        text, err = self.run_generator()
        dora = self.record(text, "dora-fourth")
        self.assertIn("name: Dora Fourth", dora)
        self.assertIn("role: president | uto | 2019-01-01..2021-01-01", dora)  # two debates, one role
        self.assertNotIn("Some Envoy", text)
        self.assertIn("UN post not modelled", err)

    def test_curated_people_stay_the_authority(self):
        text, err = self.run_generator()
        self.assertNotIn("actor: carl-third\n", text)  # the curated Carl Third is kept, not duplicated
        self.assertIn("same person as a curated one", err)

    def test_same_sources_same_file(self):
        first, _ = self.run_generator()
        second, _ = self.run_generator()
        self.assertEqual(first, second)

    def test_a_fuller_name_of_the_same_person_merges_into_one_actor(self):
        self.write("src/phoenix/Phoenix.Countries.actors.txt", FULLER_NAMES)
        self.write("src/ungd-speakers.tsv", FULLER_UNGD)
        text, err = self.run_generator()
        mubarak = self.record(text, "hosni-mubarak")  # the Phoenix record survives
        self.assertIn("Mohamed Hosni Mubarak", " ".join(line for line in mubarak if line.startswith("alias: ")))
        self.assertIn("role: president | uto | 1985-01-01..1987-01-01", mubarak)  # the UN posts joined it
        self.assertIn("source: phoenix | ungd", mubarak)
        self.assertNotIn("actor: mohamed-hosni-mubarak\n", text)
        self.assertIn("same person under a fuller name merged", err)
        self.assertIn("  dropped      1  same person under a fuller name merged", err)  # the count is reported
        # "Ali Khan" fits two people whose names do not nest: it could be either, so all three stay.
        for kept in ("ali-khan", "ahmed-ali-khan", "mohammad-ali-khan"):
            self.record(text, kept)
        self.assertIn("Ali Khan (uto) fits 2 people", err)
        # Same words, but 1950s and 2000s: public lives that never meet are two people.
        self.record(text, "omar-hassan")
        self.record(text, "ahmed-omar-hassan")
        # A son named after his father ("bin Hamad bin Khalifa"), and a name that is not the
        # end of the fuller one ("James Brown" in "James Gordon Brown"), are other people.
        self.record(text, "hamad-bin-khalifa-al-thani")
        self.record(text, "tamim-bin-hamad-bin-khalifa-al-thani")
        self.record(text, "james-brown")
        self.record(text, "james-gordon-brown")

    def test_names_are_normalised(self):
        self.assertEqual(gp.display_name("MARGARET_THATCHER_"), "Margaret Thatcher")
        self.assertEqual(gp.display_name("Mr. Abiy Ahmed"), "Abiy Ahmed")
        self.assertEqual(gp.display_name("H.E. Mr. JOSE SARNEY"), "Jose Sarney")
        self.assertEqual(gp.display_name("RICHARD_VON_WEIZSACKER_"), "Richard von Weizsacker")
        self.assertEqual(gp.plain_forms("Paul A. Volcker"), ["Paul Volcker"])
        self.assertEqual(gp.phoenix_date("790504"), "1979-05-04")
        self.assertEqual(gp.phoenix_date("050101"), "2005-01-01")
        self.assertEqual(gp.phoenix_date("19290101"), "1929-01-01")
        self.assertIsNone(gp.phoenix_date("9008223"))



class BlockHeaderTest(unittest.TestCase):
    """A country block whose header carries its codes on the lines below ("UKRAINE_" then
    [USRUKR <910824] [UKR >911221]) starts a new block: its people are not left in the block
    before it, and the code still open names the country."""

    def test_dated_header_codes_start_a_block(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "countries.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write("UTOPIA_  [UTO]\n"
                        "ALAN_FIRST_  # CountryInfo.txt\n\t[UTOGOV 700101-800315]\n\n"
                        "NEWLAND_\n+NEWLANDER_\n\t[UTONWL <910824]\n\t[NWLUNR 910824-911221]\n\t[NWL >911221]\n\n"
                        "BORIS_ONE_  # CountryInfo.txt\n\t[NWLGOV 920101-950101]\n\n"
                        "OLDLAND_\n\t[OLD 19181001-19930101]\n\n"
                        "CARLA_TWO_  # CountryInfo.txt\n\t[OLDGOV 800101-900101]\n")
            report = gp.Report()
            with contextlib.redirect_stderr(io.StringIO()):
                people = gp.read_phoenix_countries(path, {"uto", "nwl", "old"}, set(), report)
        blocks = {p.name: block for p, block, _ in people}
        self.assertEqual(blocks, {"Alan First": "uto", "Boris One": "nwl", "Carla Two": "old"})
        self.assertEqual(gp.block_country([("UTONWL", "<910824"), ("NWL", ">911221")]), "nwl")
        self.assertIsNone(gp.block_country([("NWLGOV", "920101-950101")]))

if __name__ == "__main__":
    unittest.main()
