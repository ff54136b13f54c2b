// The fastest a Xapian 1.4 index of the synthetic corpus can be written: nothing but
// Xapian's own work per article (title with wdf 2 and body through TermGenerator with
// STEM_SOME and positions, an id term, add_document, a commit every 2,000 articles), no
// cleaning, tagging or signatures. scripts/bench/writer-floor runs it to show how far any
// Xapian-based indexer could go on this machine. Not part of dipnews.
//
// Usage: xapian_writer_floor DB CORPUS.jsonl [PART/PARTS]   (every PARTS-th line from PART)
#include <xapian.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: xapian_writer_floor DB CORPUS [PART/PARTS]\n";
    return 2;
  }
  unsigned long part = 0, parts = 1;
  if (argc > 3) {
    const std::string p = argv[3];
    part = std::stoul(p.substr(0, p.find('/')));
    parts = std::stoul(p.substr(p.find('/') + 1));
  }
  Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  std::ifstream in(argv[2]);
  std::string line;
  unsigned long lineno = 0, written = 0;
  while (std::getline(in, line)) {
    if (lineno++ % parts != part) continue;
    const auto article = nlohmann::json::parse(line);
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(article.value("title", ""), 2);
    generator.increase_termpos();
    generator.index_text(article.value("body", ""));
    doc.add_boolean_term("Q" + article.value("id", ""));
    db.add_document(doc);
    if (++written % 2000 == 0) db.commit();
  }
  db.commit();
  std::cout << written << "\n";
  return 0;
}
