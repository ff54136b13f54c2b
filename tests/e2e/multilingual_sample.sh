#!/usr/bin/env bash
# The bundled multilingual sample (corpus/multilingual, seven languages) against what
# tests/data/multilingual-expectations.tsv pins for each article, with the real binaries:
#  - its language, given or detected (language:LANG);
#  - found by a word of its language, and by another form of a word (the language's stemmer);
#  - found by actor: with an English id and with the name as the article writes it
#    (its own script, case form or romanisation), which --actor-info resolves to the same id;
#  - tagged with the actors and topics a careful human tagger gives it (at least those).
# The searches run as one batch: one process for all of them (the sanitizer build is slow to
# start), as a user's script would.
#   multilingual_sample.sh INDEX_BIN SEARCH_BIN SOURCE_DIR
set -euo pipefail
index=$1
search=$2
source_dir=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/config"
unset DIPNEWS_DB DIPNEWS_CONFIG
mkdir -p "$HOME"
db=$work/ml.db
"$index" --quiet --db "$db" "$source_dir/corpus/multilingual"
expectations=$source_dir/tests/data/multilingual-expectations.tsv

# Each spelling an article gives, resolved by --actor-info (its own process: one per name).
grep -v '^#' "$expectations" | tail -n +2 | cut -f6 | sort -u | while IFS= read -r native; do
  id=$("$search" --db "$db" --format=json --actor-info "$native" 2>/dev/null |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["actor"]["id"])' 2>/dev/null) || id=""
  printf '%s\t%s\n' "$native" "$id"
done >"$work/resolved.tsv"

# The queries: QID = row number and check name.
python3 - "$expectations" "$work/resolved.tsv" >"$work/queries.tsv" <<'PY'
import sys
resolved = dict(line.rstrip("\n").split("\t") for line in open(sys.argv[2], encoding="utf-8"))
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if not l.startswith("#")][1:]
for n, (id_, language, keyword, inflected, actors, native, topics) in enumerate(rows):
    print(f"{n}.language\tlanguage:{language}")
    print(f"{n}.keyword\t{keyword}")
    if inflected != "-":
        print(f"{n}.inflected\t{inflected}")
    print(f'{n}.native\tactor:"{native}"')
    if resolved.get(native):
        print(f"{n}.actor\tactor:{resolved[native]}")
PY
# A query that fails (an actor: no dictionary knows) finds nothing: reported below with the rest.
"$search" --db "$db" --batch "$work/queries.tsv" --format=trec --no-collapse --limit=100 >"$work/run.trec" 2>/dev/null ||
  true
"$search" --db "$db" --format=json --no-collapse --no-snippets --limit=1000 '*' >"$work/all.json"

python3 - "$expectations" "$work/resolved.tsv" "$work/run.trec" "$work/all.json" <<'PY'
import json, sys
expectations, resolved_file, run_file, all_file = sys.argv[1:]
resolved = dict(line.rstrip("\n").split("\t") for line in open(resolved_file, encoding="utf-8"))
found = set()
for line in open(run_file, encoding="utf-8"):
    qid, _, doc, *_ = line.split()
    found.add((qid, doc))
tags = {h["id"]: set(h["actors"]) | set(h["topics"]) for h in json.load(open(all_file, encoding="utf-8"))["hits"]}
rows = [l.rstrip("\n").split("\t") for l in open(expectations, encoding="utf-8") if not l.startswith("#")][1:]
failures = []
for n, (id_, language, keyword, inflected, actors, native, topics) in enumerate(rows):
    def finds(check, what):
        if (f"{n}.{check}", id_) not in found:
            failures.append(f"{id_}: not found by {what}")
    finds("language", f"language:{language}")
    finds("keyword", f"its word '{keyword}'")
    if inflected != "-":
        finds("inflected", f"the form '{inflected}'")
    finds("native", f'actor:"{native}"')
    if resolved.get(native):
        finds("actor", f"actor:{resolved[native]} ('{native}')")
    else:
        failures.append(f"{id_}: --actor-info does not know '{native}'")
    for tag in [t for t in (actors + "," + topics).split(",") if t]:
        if tag not in tags.get(id_, set()):
            failures.append(f"{id_}: not tagged {tag} (has: {' '.join(sorted(tags.get(id_, [])))})")
for f in failures:
    print("FAIL:", f, file=sys.stderr)
if len(rows) < 35:
    sys.exit(f"only {len(rows)} articles in the expectations")
if failures:
    sys.exit(f"{len(failures)} failures over {len(rows)} articles")
print(f"ok: {len(rows)} articles in 7 languages found, resolved and tagged as expected")
PY
