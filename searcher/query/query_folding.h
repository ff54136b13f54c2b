// Queries fold accents as the indexer folds free text (common/unicode_fold.h), so that
// "belem" finds "Belém" and "Élysée" finds "elysee".
#pragma once

#include <string>
#include <string_view>

namespace dipnews {

// How a query's words are folded for one analysis (common/language.h).
enum class QueryCase {
  kept,     // accents only: capitalised words stay unstemmed proper names (English, as before)
  lowered,  // accents and case: every word stemmed, as inflected names need ("Лаврова")
};

// The query with the accents of its words folded (and, `lowered`, their case), its operators
// (AND, NEAR/3...) kept, and the values of id: kept exactly as typed: ids are exact.
std::string fold_query_words(std::string_view text, QueryCase how);

// The query for an analysis with elisions (French): each free-text word split at them as the
// indexer splits text ("l'Ukraine" -> "l Ukraine"); an unquoted field value loses its elided
// head ("title:l'Élysée" -> "title:Élysée"); quoted field values and id: values stay as typed.
std::string split_query_elisions(std::string_view text);

}  // namespace dipnews
