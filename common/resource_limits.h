// Resource limits against hostile or accidental input (docs/reliability.md). Each bounds the
// memory or the time that one article or one query may cost; hitting one is an error naming
// the limit, for that article or that query only.
#pragma once

#include <cstddef>
#include <string>

namespace dipnews::limits {

// One article's input: a JSONL line, a text file or a saved web page; real news articles are
// under 1 MB. With max_article_words and max_html_elements below, one article at this size
// peaked at 208-335 MB for the whole process (docs/reliability.md, "Resource limits").
inline constexpr std::size_t max_article_bytes = std::size_t{16} << 20;

// Words in one article (title and body, counted as runs of letters and digits). The tagger
// keeps each word with its offsets (about 100 bytes a word) and Xapian each position, so a
// 16 MiB line of one-letter words (8 million words) peaked at 1.56 GB; counting them takes
// 0.3 s and no memory. The longest real
// articles (reports, transcripts) have tens of thousands. An article with more is an error
// naming this limit, like an article over max_article_bytes, rather than being cut short:
// an index holding the first part of an article without saying so would answer searches
// for the rest wrongly, and only broken or hostile input gets here.
inline constexpr std::size_t max_article_words = 200'000;

// HTML elements in one saved page, counted as '<' followed by a letter (at least one for
// each element gumbo builds from a tag; the ones it adds itself are few per tag). Gumbo
// and the body extraction take about 600 bytes per element: a 4 MB page of a million <p>
// took 627 MB and 25 s.
// Real pages have a few thousand; a page with more is an error naming this limit.
inline constexpr std::size_t max_html_elements = 100'000;

// One query. A 10,000-word query took 18 s (spelling, feedback and ranking per word); a
// question pasted from a document rarely has 200.
inline constexpr std::size_t max_query_words = 1000;
inline constexpr std::size_t max_query_bytes = std::size_t{32} << 10;

// Words one wildcard may expand to ("a*" over a large index is most of its vocabulary, and
// would be matched as one huge OR); beyond it the query is refused with a message.
inline constexpr unsigned max_wildcard_terms = 1000;

// The window of NEAR/n and ADJ/n, in words. Xapian's parser reads n into an unsigned and
// overflows without a word (NEAR/4294967296 became a window of 11); no sentence needs more
// than a few dozen, and 1,000 words is a long article.
inline constexpr unsigned max_proximity_window = 1000;

// One line of a --batch file: a qid, a tab and a query, which has its own limits above; a
// line beyond this is passed over without being kept in memory, and is an error for that line.
inline constexpr std::size_t max_batch_line_bytes = std::size_t{1} << 20;

// One line of a --delete-from file. Ids are at most schema::max_id_bytes; the rest is room
// for spaces and '#' comments. A longer line means the file is not a list of ids (/dev/zero,
// a binary file): it is an error naming FILE:LINE, and the rest of the file is not read, since
// reading such a "line" to its end might never end.
inline constexpr std::size_t max_id_list_line_bytes = std::size_t{4} << 10;

// One --boilerplate pattern. The bundled ones are under 300 bytes; RE2 compiles a pattern
// in time and memory that grow with its length (and refuses one that needs over 8 MiB).
inline constexpr std::size_t max_boilerplate_pattern_bytes = std::size_t{1} << 10;

// The config file (common/config_file.h) is read whole: a few dozen lines in practice. A
// bigger file is not a config file (a database or a log named by mistake) and is refused.
inline constexpr std::size_t max_config_file_bytes = std::size_t{1} << 20;

// The user's own fields (common/custom_fields.h): how many an index may declare (each has a
// value slot), how long a name may be, and one value. A value is a name, a post, a code: a
// longer one means a mis-declared key (a body, a whole record), and is an error for its
// article, like an over-long id. Its term is cut to Xapian's term limit, the same way at
// query time, so the folded value's first ~200 bytes decide a match.
inline constexpr std::size_t max_custom_fields = 32;
inline constexpr std::size_t max_field_name_bytes = 32;
inline constexpr std::size_t max_field_value_bytes = std::size_t{1} << 10;

// "16 MiB", "32 KiB": how messages name a size limit.
inline std::string describe_bytes(std::size_t bytes) {
  if (bytes % (std::size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes % (std::size_t{1} << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace dipnews::limits
