#include <catch2/catch.hpp>

#include <xapian.h>

#include "query/spelling.h"

using dipnews::suggest_spelling;

namespace {

// An index whose vocabulary is the words given (as the indexer writes them: folded).
Xapian::Database vocabulary(std::initializer_list<const char*> words) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* w : words) {
    Xapian::Document doc;
    doc.add_term(w);
    db.add_document(doc);
  }
  return db;
}

}  // namespace

TEST_CASE("spelling suggestions read whole code points and fold the word first", "[spelling]") {
  const Xapian::Database db = vocabulary({"belem", "лавров", "переговоры", "ceasefire"});
  // An accented misspelling is folded, then corrected as one word (not cut at its "é").
  CHECK(suggest_spelling(db, "Belémx") == std::optional<std::string>("belem"));
  // Cyrillic: one letter off, counted in letters (a Cyrillic letter is two bytes).
  CHECK(suggest_spelling(db, "Лавровв") == std::optional<std::string>("лавров"));
  CHECK(suggest_spelling(db, "переговоро ceasfire") == std::optional<std::string>("переговоры ceasefire"));
  // A word the index has, in another case or with accents, needs no correction.
  CHECK_FALSE(suggest_spelling(db, "ЛАВРОВ Belém"));
  // Field values and operators stay as written.
  CHECK(suggest_spelling(db, "ceasfire AND source:\"Bélemx\"") ==
        std::optional<std::string>("ceasefire AND source:\"Bélemx\""));
}
