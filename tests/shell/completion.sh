#!/usr/bin/env bash
# Sources the bash completion and completes command lines as bash would hand them over
# (COMP_LINE, COMP_POINT, and COMP_WORDS split at the word-break characters = : and ( ),
# then checks COMPREPLY.
#   completion.sh COMPLETION_SCRIPT INDEX_BIN SEARCH_BIN CORPUS_DIR WORK_DIR
set -uo pipefail
script=$1 index_bin=$2 search_bin=$3 corpus=$4 work=$5
rm -rf "$work" && mkdir -p "$work/bin" && cd "$work" || exit 1
ln -s "$index_bin" bin/dipnews-index
ln -s "$search_bin" bin/dipnews-search
export PATH=$work/bin:$PATH DIPNEWS_DB=$work/news.db
dipnews-index --quiet --db news.db "$corpus" || exit 1
mkdir -p scraped/sub && touch scraped/a.txt queries.tsv
# Saved searches from a scratch config directory, never the user's own.
export XDG_CONFIG_HOME=$work/config DIPNEWS_SAVED_SEARCHES=
mkdir -p config/dipnews && printf 'morning = ceasefire\nmonthly = --count sanctions\nweekly = x\n' >config/dipnews/searches

# shellcheck source=/dev/null
source "$script"
failures=0

# Fills COMP_LINE/COMP_POINT/COMP_WORDS/COMP_CWORD for LINE (the cursor at its end), calls the
# completion function and prints COMPREPLY sorted, one per line.
complete_line() {
  local line=$1 words=() token piece
  COMP_LINE=$line
  COMP_POINT=${#line}
  read -r -a tokens <<<"$line"
  for token in "${tokens[@]}"; do
    while [[ -n $token ]]; do
      if [[ $token == [=:\(]* ]]; then piece=${token:0:1}
      else piece=${token%%[=:\(]*}
      fi
      words+=("$piece")
      token=${token:${#piece}}
    done
  done
  [[ $line == *' ' ]] && words+=("")
  COMP_WORDS=("${words[@]}")
  COMP_CWORD=$((${#words[@]} - 1))
  COMPREPLY=()
  _dipnews
  printf '%s\n' "${COMPREPLY[@]}" | sort
}

# expect LINE WORD...: COMPREPLY holds exactly these words (in any order).
expect() {
  local line=$1
  shift
  local got want
  got=$(complete_line "$line")
  want=$(if (($#)); then printf '%s\n' "$@" | sort; fi)
  if [[ $got != "$want" ]]; then
    printf 'FAIL: %q\n  expected: %s\n  got:      %s\n' "$line" "$(echo $want)" "$(echo $got)"
    failures=$((failures + 1))
  else
    printf 'ok: %q -> %s\n' "$line" "$(echo $got)"
  fi
}

# includes LINE WORD...: COMPREPLY holds at least these words.
includes() {
  local line=$1 w got
  shift
  got=$(complete_line "$line")
  for w in "$@"; do
    if ! grep -qxF -- "$w" <<<"$got"; then
      printf 'FAIL: %q: %s missing from: %s\n' "$line" "$w" "$(echo $got | head -c 300)"
      failures=$((failures + 1))
      return
    fi
  done
  printf 'ok: %q includes %s\n' "$line" "$*"
}

# Options, from --help.
expect 'dipnews-search --for' '--format='
expect 'dipnews-search --li' '--limit=' '--list-actors' '--list-saved' '--list-topics'
expect 'dipnews-search --cooc' '--cooccur' '--cooccur='
expect 'dipnews-index --ex' '--explain'
includes 'dipnews-search --' '--db=' '--count' '--sort=' '--timeline=' '--help' '--'
# Every option --help lists is offered.
for bin in dipnews-search dipnews-index; do
  got=$(complete_line "$bin --")
  for option in $("$bin" --help | sed -n -E 's/^  (-[[:alnum:]], |    )(--[[:alnum:]-]+).*/\2/p'); do
    grep -qE -- "^$option=?\$" <<<"$got" || { echo "FAIL: $bin: $option not completed"; failures=$((failures + 1)); }
  done
done

# Keyword values, after '=' and as the next word.
expect 'dipnews-search --format=j' 'json' 'jsonl'
expect 'dipnews-search --format=' text json jsonl tsv csv ids trec
expect 'dipnews-search --sort=n' 'newest'
expect 'dipnews-search --sort n' 'newest'
expect 'dipnews-search --default-op=' auto and or
expect 'dipnews-search --timeline=m' month
expect 'dipnews-search --color=a' always auto
expect 'dipnews-search --facets=person,t' 'person,topic'
expect 'dipnews-search --facets=' actor person country org topic source
expect 'dipnews-search --cooccur=or' org
expect 'dipnews-index --format=' text json jsonl
expect 'dipnews-index --input-format=' jsonl text html
# File arguments.
expect 'dipnews-search --batch=que' queries.tsv
expect 'dipnews-search --saved=m' monthly morning
expect 'dipnews-search --saved w' weekly
expect 'dipnews-index --db news.db scr' scraped
expect 'dipnews-index scraped/' scraped/a.txt scraped/sub

# Field names and values from the index.
expect 'dipnews-search ceasefire top' 'topic:'
expect 'dipnews-search act' 'actor:'
includes 'dipnews-search actor:' vladimir-putin volodymyr-zelenskyy deu nato
expect 'dipnews-search actor:vladimir-pu' vladimir-putin
expect 'dipnews-search person:zelensk' volodymyr-zelenskyy
expect 'dipnews-search actor:trump' donald-trump
expect 'dipnews-search country:germ' germany
expect 'dipnews-search org:nat' nato
includes 'dipnews-search topic:ceasef' ceasefire
expect 'dipnews-search topic:security' security-guarantees
includes 'dipnews-search source:merid' meridian-post
expect 'dipnews-search --actor=vladimir-pu' vladimir-putin
expect 'dipnews-search --actor-info=vladimir-pu' vladimir-putin
expect 'dipnews-search --actor-info vladimir-pu' vladimir-putin
includes 'dipnews-search --topic ceasef' ceasefire
expect 'dipnews-search -- ceasefire -actor:vladimir-pu' vladimir-putin
expect 'dipnews-search -- -'
expect 'dipnews-search (actor:vladimir-pu' vladimir-putin
expect 'dipnews-search -- actor:vladimir-pu' vladimir-putin
# The index named on the command line is the one asked: none there, no values.
expect 'dipnews-search --db nowhere.db actor:vladimir-p'
# --dictionary adds its actors.
cat >extra.actors <<'ACTORS'
dictionary: actors
version: 2026-11-28.1

actor: zz-test-envoy
type: person
name: Zebulon Testenvoy
ACTORS
expect 'dipnews-search actor:zz-' 
expect 'dipnews-search --dictionary extra.actors actor:zz-' zz-test-envoy
expect 'dipnews-search --dictionary=extra.actors person:testenv' zz-test-envoy
# So does a config file the command line names (its paths relative to the file).
mkdir -p conf && printf 'dictionary = ../extra.actors\n' >conf/dipnews.conf
expect 'dipnews-search --config conf/dipnews.conf actor:zz-' zz-test-envoy
expect 'dipnews-search --config=conf/dipnews.conf person:testenv' zz-test-envoy
expect 'dipnews-search --config=conf/dip' conf/dipnews.conf

# The index's own fields (dipnews-index --field): names, then values as slugs.
printf '{"id":"f1","speaker":"Wang Yi","body":"x"}\n{"id":"f2","speaker":"Han Zheng","body":"y"}\n' |
  dipnews-index --quiet --db fields.db --field speaker --field post - || exit 1
expect 'dipnews-search --db fields.db spe' speaker:
expect 'dipnews-search --db fields.db speaker:wa' wang-yi
expect 'dipnews-search --db fields.db speaker:' han-zheng wang-yi
expect 'dipnews-search spe'  # the default index has no such field

# Unsplit words (COMP_WORDBREAKS without = and :) get whole words back.
COMP_WORDBREAKS=$' \t\n"\'@><;|&('
COMP_LINE='dipnews-search --format=j' COMP_POINT=25 COMP_WORDS=(dipnews-search --format=j) COMP_CWORD=1
_dipnews
got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
[[ $got == '--format=json --format=jsonl ' ]] || { echo "FAIL: unsplit --format=j: $got"; failures=$((failures + 1)); }

if ((failures)); then
  echo "$failures completion check(s) failed"
  exit 1
fi
echo "all completion checks passed"
