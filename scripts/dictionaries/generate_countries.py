#!/usr/bin/env python3
"""Generate corpus/dictionaries/countries.actors, the countries dictionary of dipnews.

One `actor:` record (type `country`, id = ISO 3166-1 alpha-3 in lower case) is written for
every UN member state (193), the two UN observer states (Holy See `vat`, Palestine `pse`),
Taiwan (`twn`), Western Sahara (`esh`) and Kosovo (`xkx`, not in ISO 3166-1: it comes from the
enrichment file alone). No other dependent territory is included.

Sources, merged per id:
  - Debian's iso-codes data (package `iso-codes`):
      iso_3166-1.json  display name (`common_name`, else the ISO short name), and the ISO
                       short and official names as aliases ("Korea, Republic of" is turned
                       into "Republic of Korea");
      iso_3166-3.json  withdrawn codes, as `former:` names of their successor ("Zaire",
                       "Upper Volta", "German Democratic Republic", ...).
  - scripts/dictionaries/countries_enrichment.txt, hand-written, in the record syntax of
    corpus/dictionaries/README.md: `actor: <id>` followed by any of `name` (replaces the ISO
    display name, which then becomes an alias), `alias`, `former`, `demonym`, `capital`,
    `city`, `metonym`, `ambiguous`. Its values come first in each key, then the ISO ones;
    duplicates are dropped.

The output is deterministic (records sorted by id), so running the script twice gives the
same file. It fails loudly (exit 1, message on stderr) when the enrichment names an id that
is not produced, uses an unknown key or lacks a record, when a UN member is missing, when an
`ambiguous:` value is not one of the record's names, or when one name (compared as the
matcher does: case, accents, dots, hyphens, possessive 's ignored) is claimed by two actors
that do not both list it under `ambiguous:`.

Usage (from anywhere; paths default to this repository):
    scripts/dictionaries/generate_countries.py            # (re)write the dictionary
    scripts/dictionaries/generate_countries.py --check    # exit 1 if it is not up to date
    scripts/dictionaries/generate_countries.py --output - # print it instead
Options: --iso-dir DIR (default /usr/share/iso-codes/json), --enrichment FILE,
--output FILE, --version YYYY-MM-DD.N (the dictionary version in the header).
"""

import argparse
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_ISO_DIR = "/usr/share/iso-codes/json"
DEFAULT_ENRICHMENT = os.path.join(HERE, "countries_enrichment.txt")
DEFAULT_OUTPUT = os.path.join(REPO, "corpus", "dictionaries", "countries.actors")
DEFAULT_VERSION = "2026-12-04.1"

# The 193 member states of the United Nations (ISO 3166-1 alpha-3).
UN_MEMBERS = """
afg ago alb and are arg arm atg aus aut aze bdi bel ben bfa bgd bgr bhr bhs bih blr blz bol
bra brb brn btn bwa caf can che chl chn civ cmr cod cog col com cpv cri cub cyp cze deu dji
dma dnk dom dza ecu egy eri esp est eth fin fji fra fsm gab gbr geo gha gin gmb gnb gnq grc
grd gtm guy hnd hrv hti hun idn ind irl irn irq isl isr ita jam jor jpn kaz ken kgz khm kir
kna kor kwt lao lbn lbr lby lca lie lka lso ltu lux lva mar mco mda mdg mdv mex mhl mkd mli
mlt mmr mne mng moz mrt mus mwi mys nam ner nga nic nld nor npl nru nzl omn pak pan per phl
plw png pol prk prt pry qat rou rus rwa sau sdn sen sgp slb sle slv smr som srb ssd stp sur
svk svn swe swz syc syr tcd tgo tha tjk tkm tls ton tto tun tur tuv tza uga ukr ury usa uzb vct
ven vnm vut wsm yem zaf zmb zwe
""".split()
UN_OBSERVERS = ["pse", "vat"]          # non-member observer states
OTHER_ISO = ["esh", "twn", "hkg", "mac", "gib", "flk"]  # in ISO 3166-1, not UN members, included on purpose
NOT_IN_ISO = ["xkx"]                   # produced from the enrichment file alone

# ISO 3166-3 entries whose alpha-4 code does not name one successor, or whose ISO name is
# not usable as is: (successor id, names; None = derive the names from the ISO name).
ISO3_OVERRIDES = {
    "CSK": ("cze", None),              # Czechoslovakia
    "SCG": ("srb", None),              # Serbia and Montenegro: Serbia is the continuing state
    "SUN": ("rus", None),              # USSR: Russia is the continuing state
    "YUG": ("srb", None),              # Yugoslavia
    "BYS": ("blr", ["Byelorussian SSR", "Byelorussian Soviet Socialist Republic"]),
    "VDR": ("vnm", ["North Vietnam", "Democratic Republic of Vietnam"]),
    "YMD": ("yem", ["South Yemen", "People's Democratic Republic of Yemen"]),
}
# ISO 3166-3 entries that name a part of a country, not a former name of it.
ISO3_SKIP = {
    "CTE",                             # Canton and Enderbury Islands (now part of Kiribati)
    "FXX",                             # France, Metropolitan
    "PCZ",                             # Panama Canal Zone
    "SKM",                             # Sikkim (now a state of India)
}

LIST_KEYS = ["alias", "former", "demonym", "capital", "city", "region", "metonym", "ambiguous"]
ENRICHMENT_KEYS = ["name"] + LIST_KEYS
# Names in another language carry it in their key ("alias[ru]", "demonym[fr]"): role phrases
# are composed in that language's word order (corpus/dictionaries/README.md).
LANGUAGE_KEY_RE = re.compile(r"^(alias|former|demonym|capital|city|region|metonym)\[([a-z]{2,3})\]$")
ID_RE = re.compile(r"^[a-z0-9-]+$")
LINE_RE = re.compile(r"^([a-z][a-z-]*(?:\[[a-z]{2,3}\])?):[ \t]*(.*?)[ \t]*$")


class Failure(Exception):
    pass


def norm(text):
    """The matcher's view of a name: case folded, accents removed, dots dropped (U.S. = US),
    possessive 's dropped, apostrophes, hyphens and other punctuation split tokens."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace(".", "")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


def dedupe(values):
    seen, out = set(), []
    for v in values:
        if v.casefold() not in seen:
            seen.add(v.casefold())
            out.append(v)
    return out


def uninvert(name):
    """'Korea, Republic of' -> 'Republic of Korea'; 'the State of Eritrea' -> 'State of
    Eritrea'; '(Socialist) Federal Republic of' gives both forms. Other names unchanged."""
    forms = [name]
    m = re.match(r"^(.*), ((?:the |The )?.* of(?: the)?)$", name)
    if m:
        forms = [m.group(2) + " " + m.group(1)]
    out = []
    for f in forms:
        f = re.sub(r"^(?:the|The) ", "", f)
        opt = re.search(r"\(([^)]*)\) ", f)
        if opt:
            out += [f[:opt.start()] + f[opt.end():], f[:opt.start()] + opt.group(1) + " " + f[opt.end():]]
        else:
            out.append(f)
    return out


def iso1_forms(entry):
    """(display name, alias forms) of an ISO 3166-1 entry."""
    name = entry["name"]
    aliases = []
    m = re.match(r"^(.*) \(([^)]*)\)$", name)   # 'Holy See (Vatican City State)'
    if m:
        display = m.group(1)
        aliases += [m.group(1), m.group(2)]
    else:
        aliases += uninvert(name)
        display = name.split(", ")[0] if "," in name else name
    if "official_name" in entry:
        aliases += uninvert(entry["official_name"])
    if "common_name" in entry:
        display = entry["common_name"]
    return display, dedupe(a for a in aliases if a.casefold() != display.casefold())


def iso3_names(entry):
    """Names of a withdrawn ISO 3166-3 entry: 'Zaire, Republic of' -> Zaire, Republic of
    Zaire; 'USSR, Union of Soviet Socialist Republics' -> both parts."""
    name = entry["name"]
    if ", " not in name:
        return [name]
    head, tail = name.split(", ", 1)
    if re.search(r" of(?: the)?$", tail):
        return [head] + uninvert(name)
    return [head, tail]


def parse_records(path):
    """Records of a file in the dictionary syntax: [(line, kind, id, [(key, [values])])]."""
    records, current = [], None
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                current = None
                continue
            if line.lstrip().startswith("#"):
                continue
            m = LINE_RE.match(line)
            if not m:
                raise Failure(f"{path}:{lineno}: not a 'key: value' line: {line!r}")
            key, value = m.groups()
            if current is None:
                current = (lineno, key, value, [])
                records.append(current)
                continue
            values = [v.strip() for v in value.split(" | ")]
            if not value or any(not v for v in values):
                raise Failure(f"{path}:{lineno}: empty value in {key!r}")
            current[3].append((key, values))
    return records


def load_json(iso_dir, name, key):
    path = os.path.join(iso_dir, name)
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)[key]
    except (OSError, ValueError, KeyError) as e:
        raise Failure(f"cannot read {path} (install the Debian package iso-codes): {e}")


def build(iso_dir, enrichment_path):
    if len(set(UN_MEMBERS)) != 193:
        raise Failure(f"UN_MEMBERS holds {len(set(UN_MEMBERS))} ids, not 193")
    iso1 = {e["alpha_3"].lower(): e for e in load_json(iso_dir, "iso_3166-1.json", "3166-1")}
    alpha2 = {e["alpha_2"]: a3 for a3, e in iso1.items()}
    for i in UN_MEMBERS + UN_OBSERVERS + OTHER_ISO:
        if i not in iso1:
            what = "UN member" if i in UN_MEMBERS else "country"
            raise Failure(f"{what} {i} is missing from {iso_dir}/iso_3166-1.json")

    records = {}
    for i in sorted(set(UN_MEMBERS + UN_OBSERVERS + OTHER_ISO)):
        display, aliases = iso1_forms(iso1[i])
        records[i] = {"name": display, "iso_alias": aliases, "iso_former": []}
    for i in NOT_IN_ISO:
        records[i] = {"name": None, "iso_alias": [], "iso_former": []}

    for e in load_json(iso_dir, "iso_3166-3.json", "3166-3"):
        code = e["alpha_3"]
        if code in ISO3_SKIP:
            continue
        if code in ISO3_OVERRIDES:
            successor, names = ISO3_OVERRIDES[code]
        else:
            successor, names = alpha2.get(e.get("alpha_4", "")[2:]), None
        if successor not in records:
            continue                   # no single successor, or a territory not included
        records[successor]["iso_former"] += names or iso3_names(e)

    enriched = set()
    for lineno, kind, ident, fields in parse_records(enrichment_path):
        where = f"{enrichment_path}:{lineno}"
        if kind != "actor" or not ID_RE.match(ident):
            raise Failure(f"{where}: expected 'actor: <id>', got '{kind}: {ident}'")
        if ident not in records:
            raise Failure(f"{where}: the enrichment names {ident!r}, which is not produced "
                          "(not a UN member, observer, or one of OTHER_ISO / NOT_IN_ISO)")
        if ident in enriched:
            raise Failure(f"{where}: second enrichment record for {ident}")
        enriched.add(ident)
        rec = records[ident]
        for key, values in fields:
            if LANGUAGE_KEY_RE.match(key):
                rec.setdefault(key, []).extend(values)
                rec.setdefault("language_keys", [])
                if key not in rec["language_keys"]:
                    rec["language_keys"].append(key)
                continue
            if key not in ENRICHMENT_KEYS:
                raise Failure(f"{where}: unknown key {key!r} (known: {', '.join(ENRICHMENT_KEYS)})")
            if key == "name":
                if len(values) != 1 or "enriched_name" in rec:
                    raise Failure(f"{where}: 'name' takes one value, once")
                rec["enriched_name"] = values[0]
            else:
                rec.setdefault(key, []).extend(values)

    out = {}
    for i, rec in sorted(records.items()):
        if i not in enriched:
            raise Failure(f"no enrichment record for {i} in {enrichment_path}")
        iso_name = rec["name"]
        name = rec.get("enriched_name") or iso_name
        if not name:
            raise Failure(f"{i}: no name (not in ISO 3166-1: the enrichment must give 'name')")
        fields = {"name": [name]}
        fields["alias"] = rec.get("alias", []) + rec["iso_alias"] + ([iso_name] if iso_name else [])
        fields["former"] = rec.get("former", []) + rec["iso_former"]
        for key in ["demonym", "capital", "city", "region", "metonym"]:
            fields[key] = rec.get(key, [])
        seen = set()                   # a name appears once per record, in its first key
        for key in ["name"] + LIST_KEYS[:-1]:
            kept = []
            for v in fields[key]:
                if v.casefold() not in seen:
                    seen.add(v.casefold())
                    kept.append(v)
            fields[key] = kept
        # Names in other languages, each key deduplicated on its own: "Ukraine" is also
        # French, and stays there for French role phrases.
        fields["language_keys"] = rec.get("language_keys", [])
        for key in fields["language_keys"]:
            fields[key] = dedupe(rec[key])
        fields["ambiguous"] = dedupe(rec.get("ambiguous", []))
        names = {norm(v) for k in ["name"] + LIST_KEYS[:-1] for v in fields[k]}
        for v in fields["ambiguous"]:
            if norm(v) not in names:
                raise Failure(f"{i}: ambiguous {v!r} is none of its names")
        out[i] = fields

    missing = [i for i in UN_MEMBERS if i not in out]
    if missing:
        raise Failure(f"UN members missing from the output: {' '.join(missing)}")

    claims = {}
    for i, fields in out.items():
        for key in ["name"] + LIST_KEYS[:-1] + fields["language_keys"]:
            for v in fields[key]:
                claims.setdefault(norm(v), {}).setdefault(i, v)
    conflicts = []
    for n, by_id in sorted(claims.items()):
        if len(by_id) > 1:
            bad = [i for i in by_id if n not in {norm(v) for v in out[i]["ambiguous"]}]
            if bad:
                conflicts.append(f"  {n!r} claimed by {', '.join(sorted(by_id))}; "
                                 f"not under ambiguous: in {', '.join(sorted(bad))}")
    if conflicts:
        raise Failure("names claimed by two actors without 'ambiguous:' in both:\n" + "\n".join(conflicts))
    return out


def render(records, version):
    lines = [
        "dictionary: actors",
        f"version: {version}",
        "# Countries: the 193 UN member states, the observer states (Holy See, Palestine), Taiwan,",
        "# Western Sahara and Kosovo. Generated by scripts/dictionaries/generate_countries.py from",
        "# Debian's iso-codes and scripts/dictionaries/countries_enrichment.txt: do not edit by",
        "# hand; edit the enrichment file and run the script again.",
    ]
    for i, fields in sorted(records.items()):
        lines += ["", f"actor: {i}", "type: country", f"name: {fields['name'][0]}"]
        for key in LIST_KEYS + fields["language_keys"]:
            if fields[key]:
                lines.append(f"{key}: {' | '.join(fields[key])}")
    return "\n".join(lines) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iso-dir", default=DEFAULT_ISO_DIR, help="iso-codes JSON directory (%(default)s)")
    ap.add_argument("--enrichment", default=DEFAULT_ENRICHMENT, help="hand-written data (%(default)s)")
    ap.add_argument("--output", default=DEFAULT_OUTPUT, help="file to write, - for stdout (%(default)s)")
    ap.add_argument("--version", default=DEFAULT_VERSION, help="dictionary version (%(default)s)")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if OUTPUT is not up to date")
    args = ap.parse_args(argv)
    if not re.match(r"^\d{4}-\d{2}-\d{2}\.\d+$", args.version):
        ap.error("--version must look like YYYY-MM-DD.N")
    try:
        text = render(build(args.iso_dir, args.enrichment), args.version)
    except Failure as e:
        print(f"generate_countries: error: {e}", file=sys.stderr)
        return 1
    count = text.count("\nactor: ")
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as f:
                current = f.read()
        except OSError:
            current = None
        if current != text:
            print(f"generate_countries: {args.output} is not up to date; run {sys.argv[0]}", file=sys.stderr)
            return 1
        print(f"generate_countries: {args.output} is up to date ({count} countries)", file=sys.stderr)
        return 0
    if args.output == "-":
        sys.stdout.write(text)
    else:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, args.output)
        print(f"generate_countries: wrote {count} countries to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
