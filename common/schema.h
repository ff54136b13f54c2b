// The index schema, defined once and used by the indexer and the searcher: term
// prefixes, value slots, metadata keys and the schema version stored in every index.
// This header is its documentation (docs/design.md links here); change the two together.
//
// Every article is one Xapian document:
//
//   text       title words unprefixed with wdf title_weight, then the body, unprefixed, with
//              positions (no phrase spans the two); with each unstemmed word its stem
//              as "Z" + stem (Xapian's STEM_SOME convention, which its QueryParser
//              expects): ranked search matches stems, phrases and NEAR match exact words.
//              Accents folded first (fold_accents, common/unicode_fold.h); stemmed by the
//              article's analysis (common/language.h), CJK text as character n-grams.
//   analysis   XANALYSIS + the name of that analysis ("XANALYSISrussian"): the searcher
//              parses a query once per analysis the index holds (docs/reference.md).
//   title:     title words again under prefix::title ("S") with wdf 0: title: narrows and
//              the same words in the text score it (searcher/title_scoring.h), so document
//              lengths, and rankings, equal those of a plain Xapian index of the same text.
//   boolean    one term per value, never stemmed: prefix + value (see the term builders
//              below; an id is exact and case-sensitive, other values are folded slugs),
//              the user's own fields (--field) included: XF + name + ':' + folded value.
//   values     the slots below; a slot is absent when the article has no such value.
//   data       a small JSON object (common/document_data.h): what a hit prints and the
//              body snippets are cut from, and the input's own tags kept apart for --retag.
//
// Metadata keys (whole index, or each shard): the schema version and the indexer that
// wrote it, the dictionaries the articles were tagged with (their versions, and the user's
// own files), and in each shard of a sharded index its place among the shards (common/shards.h).
//
// Prefixes follow Xapian's conventions (omega, notmuch): single upper-case letters for the
// standard ones, "X..." for our own boolean fields. No prefix starts another (a unit test
// checks), and text terms are lower case: a term names its field unambiguously when it is
// compared whole (prefix + value), never by its tail.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "dictionary.h"

namespace dipnews::schema {

// Bump when a change makes existing indexes unreadable or wrong for this searcher; the
// searcher and the indexer refuse an index of another version and say how to rebuild it.
//   1  the first schema: id, text, title:, source, language, date and content-hash slots
//   2  actor and topic tags (XACTOR, XPERSON, XCOUNTRY, XORG, XTOPIC)
//   3  facet slots (actor_list, topic_list, source_name)
//   4  wire-copy stories (XBAND, XSTORY, signature and story slots)
//   5  the input's own tags kept apart in the data (--retag), the tagged_with and id slots
//      (same version) metadata::dictionaries, the user's own dictionaries: an index written
//      before it has none, which only means that nothing is known to be missing
//   6  the indexed slot: when each article was last added or changed (dipnews-search --new)
//      (same version) the user's own fields (metadata::custom_fields, prefix::custom_field,
//      slot::custom_first...): an index written before it has none, and reads as one without
//   7  languages: free text accent-folded and analysed per language (stemmer or CJK n-grams),
//      XANALYSIS terms, detected languages under L like given ones
//   8  a smaller index, nothing lost: the tagged_with slot holds a 16-hex-digit code of the
//      dictionary version (tagged_with_value), not the version itself; band terms "XB" + 9
//      characters (band_key), the same band hashes as XBAND's 14 hex digits; the signature
//      slot 16 bits of each of its 64 minimums (b-bit MinHash), 128 bytes instead of 256
inline constexpr int version = 8;

namespace prefix {
inline constexpr const char* id = "Q";            // unique id (boolean, exact)
inline constexpr const char* title = "S";         // title words (free text)
inline constexpr const char* source = "XSOURCE";  // outlet slug (boolean, normalised)
inline constexpr const char* language = "L";      // language code (boolean)
inline constexpr const char* actor = "XACTOR";    // any actor id (boolean)
inline constexpr const char* person = "XPERSON";  // actor ids by type (boolean)
inline constexpr const char* country = "XCOUNTRY";
inline constexpr const char* org = "XORG";
inline constexpr const char* topic = "XTOPIC";  // topic id (boolean)
// Near-duplicate signature band (finds copies): "XB" + band_key() (indexer/writing/near_duplicate.h),
// the band's number as one hex digit then its 48-bit hash as 8 base-64 digits, "XB3kR0_z-9Qa".
// Its key starts lower case or with a digit, so "XB" is the whole upper-case prefix.
inline constexpr const char* band = "XB";
inline constexpr const char* story = "XSTORY";  // story id: the article and its wire copies
inline constexpr const char* stem = "Z";        // Xapian's own, written by its TermGenerator
// The analysis the article's text got (common/language.h): "XANALYSIS" + its name (boolean).
inline constexpr const char* analysis = "XANALYSIS";
// The user's own fields (common/custom_fields.h): "XF" + field name + ":" + folded value, e.g.
// "XFspeaker:wang-yi" (boolean, folded as custom_field_term() does). The ':' ends the name,
// so that no field's terms start another's ("XFpost:" and "XFposter:").
inline constexpr const char* custom_field = "XF";
// Every prefix of the index: none may start another (test_schema.cc).
inline constexpr const char* all[] = {id,  title, source, language, actor, person,       country,
                                      org, topic, band,   story,    stem,  custom_field, analysis};
}  // namespace prefix

namespace slot {
inline constexpr Xapian::valueno date = 0;          // "YYYY-MM-DD": sorts and ranges as a string
inline constexpr Xapian::valueno content_hash = 1;  // hex digest: detects unchanged articles
// Facets: each article's tags as one value, so that Xapian's ValueCountMatchSpy (which
// also runs on remote shards) can count them over a whole match set.
inline constexpr Xapian::valueno actor_list = 2;   // actor ids joined by list_separator
inline constexpr Xapian::valueno topic_list = 3;   // topic ids joined by list_separator
inline constexpr Xapian::valueno source_name = 4;  // the outlet's display name
inline constexpr Xapian::valueno signature = 5;    // b-bit MinHash of the body (binary, near_duplicate.h)
inline constexpr Xapian::valueno story =
    6;  // id of its story's first (or first remaining: story_index.h) article: the collapse key
// Which dictionaries tagged it (--retag): tagged_with_value() of their version string, a
// fixed-width code; the version itself is in metadata::dictionary_version.
inline constexpr Xapian::valueno tagged_with = 7;
inline constexpr Xapian::valueno id = 8;  // the article's id: id-only output reads no document data
// When the article was last added or changed: microseconds since 1970 in indexed_value()'s
// fixed-width form, strictly increasing in the order one indexer writes, across its shards
// (docs/design.md, "New articles"). Unchanged and re-keyed articles keep theirs.
inline constexpr Xapian::valueno indexed = 9;
// The user's own fields: field n of the record (metadata::custom_fields) has slot
// custom_first + n, holding its values as written, joined by list_separator (facets).
// Far above the built-in slots, which may grow without meeting them.
inline constexpr Xapian::valueno custom_first = 100;
}  // namespace slot

namespace metadata {
inline constexpr const char* schema_version = "dipnews:schema_version";
inline constexpr const char* indexer_version = "dipnews:indexer_version";
// Versions of the dictionaries the articles were tagged with ("countries.actors@2026-11-28.1,...").
inline constexpr const char* dictionary_version = "dipnews:dictionary_version";
// The user's own dictionaries (--dictionary, or the config file) the articles were tagged
// with, each with its absolute path, version and content digest (common/dictionary_record.h):
// a JSON array of {"path","version","digest"}, absent when there are none. Lets the indexer
// refuse a run that would re-tag without one, and the searcher load them again.
inline constexpr const char* dictionaries = "dipnews:dictionaries";
// "K/N UUID" in every shard of a sharded index: shard K of N of the index created with that
// UUID (common/shards.h). Lets the indexer refuse a shuffled layout and the searcher find a
// shard listed twice or missing.
inline constexpr const char* shard = "dipnews:shard";
// Prefix of one record per input file with rejected articles, followed by 16 hex digits
// (FNV-1a of the file's absolute path): its size, modification time and the lines rejected,
// so that an unchanged file's bad articles are not reported again (indexer/rejection_ledger.h).
inline constexpr const char* rejected_file = "dipnews:rejected:";
// The user's own fields the index was built with (--field, or 'field =' in the config file):
// a JSON array of {"name","key","slot"} in declaration order (common/custom_fields.h), absent
// when there are none. The searcher knows the fields from it; the indexer keeps them.
inline constexpr const char* custom_fields = "dipnews:fields";
}  // namespace metadata

// Within-document frequency added per title word, so titles weigh more than body text.
// Two, as in omega's and scriptindex's usual set-up: with the same parser settings our
// rankings then equal those of a plain Xapian index of the same articles.
inline constexpr Xapian::termcount title_weight = 2;

// How a query field maps onto the index: the single table the query parser is built from.
enum class FieldKind {
  free_text,           // words, stemmed and ranked (title:)
  boolean_exact,       // value used verbatim as a filter term (id:)
  boolean_normalised,  // value folded to its canonical slug first (source:)
  date_range,          // handled by the date range/field processors (date:)
  actor_tag,           // an actor id or any of its names, resolved by the dictionaries (actor:, person:...)
  topic_tag,           // a topic id or name (topic:)
};

struct Field {
  std::string_view name;    // what users type before the colon
  std::string_view prefix;  // term prefix; empty for value-based fields
  FieldKind kind;
  std::optional<ActorType> actor_type = std::nullopt;  // actor_tag fields limited to one type
};

const std::vector<Field>& query_fields();

inline constexpr char list_separator = '\n';
std::string join_list(const std::vector<std::string>& items);
std::vector<std::string> split_list_value(std::string_view value);

// The indexed slot's value: 17 decimal digits, so that values compare as their numbers do.
std::string indexed_value(std::uint64_t micros);
// nullopt for anything indexed_value() did not write.
std::optional<std::uint64_t> parse_indexed_value(std::string_view value);

// The tagged_with slot's value for a dictionary version ("countries.actors@2026-11-28.1,..."):
// its 64-bit FNV-1a as 16 lowercase hex digits. The version string, the same in every
// article and some 230 bytes long, cost more than any other slot; a code only needs to tell
// versions apart, which 64 bits do (two versions collide with probability 2^-64). "" for "".
std::string tagged_with_value(std::string_view dictionary_version);

// Terms, built the same way at index and at query time.
std::string id_term(std::string_view id);
std::string source_term(std::string_view source_name);
std::string language_term(std::string_view language);
std::string analysis_term(std::string_view analysis_name);
std::string topic_term(std::string_view topic_id);
// An actor under XACTOR (any actor), and under its type's prefix (XPERSON, XCOUNTRY, XORG).
std::string actor_term(std::string_view actor_id);
std::string actor_term(ActorType type, std::string_view actor_id);
// The type-specific prefix of an actor type (XPERSON, XCOUNTRY, XORG).
std::string_view actor_type_prefix(ActorType type);
// The free-text term a title: term stands for: "Sberlin" -> "berlin" and, stemmed,
// "ZSberlin" -> "Zberlin"; nullopt for any other term.
std::optional<std::string> text_term_of_title_term(std::string_view term);

// Xapian rejects terms longer than this many bytes; one such term makes the on-disk
// backend drop every change since the last commit, so values that become terms are
// checked against these limits before anything is written.
inline constexpr std::size_t max_term_bytes = 245;
inline constexpr std::size_t max_id_bytes = 200;       // ids are also typed by users
inline constexpr std::size_t max_language_bytes = 35;  // longest BCP 47 tags in practice

}  // namespace dipnews::schema
