# bash completion for dipnews-index and dipnews-search                  -*- shell-script -*-
#
# Options and their value names are read from the binary's own --help, so completion always
# matches the installed version: keyword values appear there as {text,json,...}, a list as
# {...},..., file arguments as FILE or PATH, index values as ACTOR, TOPIC, OUTLET, saved
# searches (dipnews-search --list-saved) as NAME.
# Field values (actor:, person:, country:, org:, topic:, source:) come from the index, through
# dipnews-search --list-actors, --list-topics and --facets=source, with the --db,
# --dictionary, --config and --no-config options of the command line being completed.
#
# Self-contained: works with or without the bash-completion package.

# "NAME VALUE" per option of binary $1 (VALUE empty for a switch, "[...]" when optional).
_dipnews_option_table() {
  "$1" --help 2>/dev/null |
    sed -n -E 's/^  (-[[:alnum:]], |    )(--[[:alnum:]-]+)((\[=|=)([^ ]*))?.*$/\2 \4\5/p' | sed -E 's/ =/ /; s/ \[=/ [/'
}

# The words of the command line up to the cursor as the user sees them, into the array named
# by $1: bash splits "--format=js" and "actor:pu" at '=' and ':', which is undone here by
# looking at COMP_LINE for the spaces between the pieces.
_dipnews_words() {
  local -n _out=$1
  _out=()
  local line=${COMP_LINE-} pos=0 i word gap
  line=${line:0:${COMP_POINT:-${#line}}}
  for ((i = 0; i <= COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    gap=0
    while [[ $pos -lt ${#line} && ${line:pos:1} == [[:space:]] ]]; do
      ((pos++))
      gap=1
    done
    if [[ -z $line || ${line:pos:${#word}} != "$word" ]]; then  # no usable COMP_LINE: trust COMP_WORDS
      _out=("${COMP_WORDS[@]:0:COMP_CWORD+1}")
      return
    fi
    ((pos += ${#word}))
    if ((i == 0 || gap || ${#_out[@]} == 0)); then
      _out+=("$word")
    else
      _out[-1]+=$word
    fi
  done
}

# Sets COMPREPLY to the candidates (whole words), minus what bash does not replace: the part
# of the current word up to its last word-break character ('=', ':' or '(' by default).
_dipnews_reply() {
  local cur=$1 strip="" c i breaks=${COMP_WORDBREAKS-$' \t\n"\'@><=;|&(:'}
  shift
  for ((i = ${#cur} - 1; i >= 0; i--)); do
    c=${cur:i:1}
    if [[ $c == [=:\(] && $breaks == *"$c"* ]]; then
      strip=${cur:0:i+1}
      break
    fi
  done
  COMPREPLY=()
  local cand
  for cand in "$@"; do COMPREPLY+=("${cand#"$strip"}"); done
  if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *[=:] ]]; then
    compopt -o nospace 2>/dev/null  # "--format=", "actor:": the value comes next
  fi
  return 0
}

# Lower case, runs of anything but letters and digits turned into '-' (as source: slugs).
_dipnews_slug() {
  local s=${1,,}
  s=$(sed -E 's/[^[:alnum:]]+/-/g; s/^-+//; s/-+$//' <<<"$s")
  printf '%s\n' "$s"
}

# The index's own fields (dipnews-index --field), one a line, read from a hit's "fields"
# object. $1 binary, then the --db/--dictionary options.
_dipnews_own_fields() {
  local bin=$1
  shift
  "$bin" "$@" --format=json --limit 1 --no-snippets '*' 2>/dev/null |
    grep -o '"fields":{[^}]*}' | head -1 | grep -o '"[a-z][a-z0-9_]*":\[' | sed 's/^"//; s/":\[$//'
}

# Values of one of the index's own fields starting with $3, as slugs (a field ignores case and
# punctuation, as source: does). $1 binary, $2 field, then the --db/--dictionary options.
_dipnews_own_field_values() {
  local bin=$1 field=$2 partial=${3,,} name
  shift 3
  "$bin" "$@" --count --facets="$field" --format=json '*' 2>/dev/null |
    grep -o "\"$field\":\\[[^]]*\\]" | grep -o '"id":"[^"]*"' | sed 's/^"id":"//; s/"$//' |
    while IFS= read -r name; do _dipnews_slug "$name"; done | awk -v p="$partial" 'index($0, p) == 1' | sort -u
}

# "ID<TAB>TYPE<TAB>NAME" for every actor (or topic: $2 = topics) the index and dictionaries know.
_dipnews_catalogue() {
  local bin=$1 kind=$2
  shift 2
  "$bin" "$@" "--list-$kind" 2>/dev/null |
    awk '{ type = $3; name = ""
           if (type ~ /^\(/) type = ""
           else for (i = 4; i <= NF; i++) name = name (i > 4 ? " " : "") $i
           print $2 "\t" type "\t" name }'
}

# Values of a field for the partial value $3: ids starting with it, one-word names starting
# with it (lower case: values are case-insensitive), else ids whose name has a word starting
# with it ("trump" offers donald-trump). $1 binary, $2 field, then the --db/--dictionary options.
_dipnews_field_values() {
  local bin=$1 field=$2 partial=${3,,} kind=actors type=""
  shift 3
  case $field in
    person) type=person ;;
    country) type=country ;;
    org) type=organisation ;;
    topic) kind=topics ;;
    source)
      local name
      "$bin" "$@" --count --facets=source --format=json '*' 2>/dev/null |
        grep -o '"source":\[[^]]*\]' | grep -o '"id":"[^"]*"' | sed 's/^"id":"//; s/"$//' |
        while IFS= read -r name; do _dipnews_slug "$name"; done | awk -v p="$partial" 'index($0, p) == 1' 
      return
      ;;
  esac
  _dipnews_catalogue "$bin" "$kind" "$@" | awk -F '\t' -v p="$partial" -v want="$type" '
    want != "" && $2 != want { next }
    { id = $1; name = tolower($3)
      if (index(id, p) == 1) { print id; found = 1 }
      else if (name !~ / / && name != "" && index(name, p) == 1) { print name; found = 1 }
      else if (p != "") { n = split(name, w, / /); for (i = 1; i <= n; i++) if (index(w[i], p) == 1) { later[id] = 1; break } } }
    END { if (!found) for (id in later) print id }' | sort -u
}

# Candidates for the value $3 of option $2 whose value name is $4 (binary $1; then db options).
_dipnews_option_values() {
  local bin=$1 option=$2 partial=$3 value=$4 head="" v
  shift 4
  value=${value#\[}
  value=${value%\]}
  case $value in
    \{*\},...)  # a comma-separated list: complete its last item
      [[ $partial == *,* ]] && head=${partial%,*},
      partial=${partial##*,}
      value=${value%,...}
      ;;
  esac
  case $value in
    \{*\})
      local IFS=,
      for v in ${value:1:${#value}-2}; do
        [[ $v == "$partial"* && ",$head" != *",$v,"* ]] && printf '%s\n' "$head$v"
      done
      ;;
    FILE | PATH | DIR) compgen -f -- "$partial" ;;
    ACTOR) _dipnews_field_values "$bin" actor "$partial" "$@" ;;
    TOPIC) _dipnews_field_values "$bin" topic "$partial" "$@" ;;
    OUTLET) _dipnews_field_values "$bin" source "$partial" "$@" ;;
    NAME)  # --saved: the saved searches' names
      "$bin" --list-saved 2>/dev/null | cut -f1 | while read -r v; do [[ $v == "$partial"* ]] && printf '%s\n' "$v"; done
      ;;
  esac
}

# File names get bash's file-name treatment (quoting, a '/' after directories).
_dipnews_files_for() {
  case $1 in FILE | PATH | DIR) compopt -o filenames 2>/dev/null ;; esac
  return 0
}

_dipnews() {
  local bin=${COMP_WORDS[0]}
  bin=${bin/#\~/$HOME}
  local words=()
  _dipnews_words words
  local cur=${words[-1]} prev=""
  ((${#words[@]} > 1)) && prev=${words[-2]}

  # The options as --help lists them, and the --db/--dictionary/--config options already given
  # (they decide which index and dictionaries the field values come from; without them, the
  # config file the command will read).
  local -A takes=()
  local name value
  while read -r name value; do takes[$name]=$value; done < <(_dipnews_option_table "$bin")
  local db_args=() i w after_dashdash=0
  for ((i = 1; i < ${#words[@]} - 1; i++)); do
    w=${words[i]}
    [[ $w == -- ]] && after_dashdash=1
    case $w in
      --db=* | --dictionary=* | --config=*) db_args+=("${w%%=*}=${w#*=}") ;;
      --db | --dictionary | --config) ((i + 1 < ${#words[@]} - 1)) && db_args+=("$w=${words[i + 1]}") ;;
      --no-config) db_args+=("$w") ;;
    esac
  done
  for ((i = 0; i < ${#db_args[@]}; i++)); do
    [[ ${db_args[i]} == *=* ]] || continue
    value=${db_args[i]#*=}
    db_args[i]=${db_args[i]%%=*}=${value/#\~/$HOME}
  done
  local search=$bin  # field values come from dipnews-search, beside dipnews-index if need be
  [[ $bin == *dipnews-index ]] && search=${bin%dipnews-index}dipnews-search

  local candidates=()
  if ((!after_dashdash)) && [[ $cur == --*=* ]]; then  # --format=js
    name=${cur%%=*}
    value=${takes[$name]-}
    _dipnews_files_for "$value"
    local partial=${cur#*=}
    while IFS= read -r w; do candidates+=("$name=$w"); done \
      < <(_dipnews_option_values "$search" "$name" "$partial" "$value" "${db_args[@]}")
  elif ((!after_dashdash)) && [[ $cur == -* ]]; then  # --fo
    for name in "${!takes[@]}"; do
      [[ $name == "$cur"* ]] || continue
      value=${takes[$name]}
      if [[ -z $value ]]; then candidates+=("$name")
      elif [[ $value == \[* ]]; then candidates+=("$name" "$name=")
      else candidates+=("$name=")
      fi
    done
    [[ $cur == - || $cur == -- ]] && [[ $bin != *dipnews-index ]] && candidates+=(--)
    mapfile -t candidates < <(printf '%s\n' "${candidates[@]}" | sort -u)
  elif ((!after_dashdash)) && [[ -n $prev && -n ${takes[$prev]-} && ${takes[$prev]} != \[* ]]; then  # --db <TAB>
    _dipnews_files_for "${takes[$prev]}"
    mapfile -t candidates < <(_dipnews_option_values "$search" "$prev" "$cur" "${takes[$prev]}" "${db_args[@]}")
  elif [[ $bin == *dipnews-index ]]; then  # INPUT: files, directories, - for stdin
    compopt -o filenames 2>/dev/null
    mapfile -t candidates < <(compgen -f -- "$cur")
  else  # a query word: field names, then field values
    local lead=${cur%%[!+(-]*}  # "-actor:", "+topic:", "(actor:"
    local word=${cur:${#lead}}
    if [[ $word =~ ^(actor|person|country|org|topic|source): ]]; then
      local field=${BASH_REMATCH[1]}
      while IFS= read -r w; do candidates+=("$lead$field:$w"); done \
        < <(_dipnews_field_values "$search" "$field" "${word#*:}" "${db_args[@]}")
    elif [[ $word =~ ^([a-z][a-z0-9_]*): ]]; then  # one of the index's own fields
      local field=${BASH_REMATCH[1]}
      if _dipnews_own_fields "$search" "${db_args[@]}" | grep -qx -- "$field"; then
        while IFS= read -r w; do candidates+=("$lead$field:$w"); done \
          < <(_dipnews_own_field_values "$search" "$field" "${word#*:}" "${db_args[@]}")
      fi
    elif [[ -n $word && $word != *:* ]]; then
      for name in actor person country org topic source date id title \
        $(_dipnews_own_fields "$search" "${db_args[@]}"); do
        [[ $name == "$word"* ]] && candidates+=("$lead$name:")
      done
    fi
  fi
  _dipnews_reply "$cur" "${candidates[@]}"
}

complete -F _dipnews dipnews-search dipnews-index
