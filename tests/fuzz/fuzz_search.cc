// The whole query front end on a small index: the query builder and its field processors
// (searcher/query_builder.*, field_processors.*, tag_fields.*, date_query.*), then the
// search itself with relaxation, feedback, spelling suggestions, snippets and facets
// (searcher/search.*). Any query must give a result or a UsageError (exit 2), nothing else.
// The first byte picks options; the rest is the query text.
#include <unistd.h>

#include <filesystem>

#include "error.h"
#include "fuzz_support.h"
#include "index_run.h"
#include "search.h"
#include "tagging/tagger.h"

using namespace dipnews;

namespace {

Article article(std::string id, std::string title, std::string body, std::string date, std::string source) {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.body = std::move(body);
  a.date = std::move(date);
  a.source = std::move(source);
  return a;
}

// Written once per fuzzing process as dipnews-index writes (index_run.h), with tags, and removed
// at exit.
struct SampleIndex {
  std::string path;
  SampleIndex() {
    const char* tmp = std::getenv("TMPDIR");
    path = std::string(tmp && *tmp ? tmp : "/tmp") + "/dipnews-fuzz-search-" + std::to_string(getpid()) + ".db";
    std::filesystem::remove_all(path);
    static const Tagger tagger(fuzz::bundled_dictionary());
    test::IndexRun run(
        path, {.commit = {1000, std::uint64_t{1} << 30}, .tagged_with = fuzz::bundled_dictionary().version()}, &tagger);
    const Article articles[] = {
        article("berlin-1", "Ceasefire talks open in Berlin",
                "Envoys met in Berlin to discuss security guarantees for Ukraine. Chancellor Merz hosted "
                "President Zelenskyy; the Kremlin said Moscow would study the text.",
                "2025-12-14", "Meridian Post"),
        article("berlin-2", "Security guarantees modelled on Article 5",
                "The draft offers guarantees similar to Article 5 of the NATO treaty and a ceasefire.", "2025-12-15",
                "Atlantic Courier"),
        article("berlin-2-copy", "Security guarantees modelled on Article 5",
                "The draft offers guarantees similar to Article 5 of the NATO treaty and a ceasefire.", "2025-12-15",
                "Danube Herald"),
        article("trade-1", "Tariff truce extended",
                "Washington and Beijing agreed to extend the tariff truce for ninety days. Sanctions stay.",
                "2025-05-12", "Pacific Ledger"),
        article("undated-1", "Monitoring a ceasefire", "Monitoring missions need observers, drones and a mandate.", "",
                "Meridian Post"),
        article("sudan-1", "Aid convoys reach Darfur",
                "Humanitarian aid convoys crossed into Darfur after a pause in fighting.", "2024-11-03",
                "Levant Review"),
    };
    for (const auto& a : articles) run.write(a);
    run.writer().commit();
  }
  ~SampleIndex() { std::filesystem::remove_all(path); }
};

Searcher& searcher() {
  static SampleIndex index;
  static const LazyDictionary dictionary(fuzz::bundled_dictionary());
  static Searcher s(std::vector<std::string>{index.path}, dictionary);
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned options = data[0];
  SearchRequest request;
  request.text.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  request.default_op = options & 1 ? DefaultOp::any : (options & 2 ? DefaultOp::all : DefaultOp::automatic);
  request.sort = options & 4 ? SortOrder::newest : (options & 8 ? SortOrder::oldest : SortOrder::relevance);
  request.count_only = options & 16;
  request.collapse = !(options & 32);
  if (options & 64) {
    request.aggregations.facets = {FacetField::actor, FacetField::topic, FacetField::source};
    request.aggregations.timeline = TimelineUnit::month;
    request.aggregations.cooccur = FacetField::actor;
  }
  if (options & 128) request.filters.since = "2025-01";
  try {
    const SearchResult r = searcher().search(request);
    for (const auto& h : r.hits) FUZZ_CHECK(!h.article.id.empty(), request.text);
  } catch (const UsageError& e) {
    FUZZ_CHECK(*e.what() != '\0', request.text);
  }
  return 0;
}
