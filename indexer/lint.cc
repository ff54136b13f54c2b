#include "lint.h"

#include "dictionary.h"

namespace dipnews {

ExitCode run_lint(const IndexOptions& options, std::ostream& diag) {
  const Dictionary dictionary = Dictionary::load_default(options.dictionaries);  // throws on syntax errors
  const auto problems = dictionary.lint();
  for (const auto& p : problems) diag << "dipnews-index: " << p << "\n";
  diag << "dipnews-index: dictionaries: " << dictionary.actors().size() << " actors, " << dictionary.titles().size()
       << " titles, " << dictionary.topics().size() << " topics; " << problems.size() << " problems\n";
  return problems.empty() ? ExitCode::success : ExitCode::failure;
}

}  // namespace dipnews
