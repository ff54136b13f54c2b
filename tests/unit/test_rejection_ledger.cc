#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <string>

#include "rejection_ledger.h"
#include "temp_dir.h"

using namespace dipnews;

namespace {

// The index's metadata, as the ledger reads and the writer stores it.
struct Metadata {
  std::map<std::string, std::string> values;
  RejectionLedger ledger() {
    return RejectionLedger([this](const std::string& key) { return values.count(key) ? values.at(key) : ""; });
  }
  void store(const RejectionLedger& ledger) {
    for (const auto& [key, value] : ledger.records()) {
      if (value.empty()) values.erase(key);
      else values[key] = value;
    }
  }
};

InputError bad(const std::string& file, long line, const std::string& what) { return {file, line, what}; }

}  // namespace

TEST_CASE("rejection ledger: an unchanged file's reported articles are known; others are not", "[rejection_ledger]") {
  test::TempDir dir;
  const std::string file = dir / "in.jsonl";
  std::ofstream(file) << "one\ntwo\n";
  Metadata index;
  {
    auto first = index.ledger();
    first.file_started(file);
    CHECK_FALSE(first.reported_before(bad(file, 2, "not JSON")));
    first.rejected(bad(file, 2, "not JSON"));
    index.store(first);
  }
  REQUIRE(index.values.size() == 1);
  {
    auto second = index.ledger();
    second.file_started(file);
    CHECK(second.reported_before(bad(file, 2, "not JSON")));
    CHECK_FALSE(second.reported_before(bad(file, 2, "another problem")));  // same line, new problem
    CHECK_FALSE(second.reported_before(bad(file, 1, "not JSON")));         // same problem, another line
    CHECK_FALSE(second.reported_before(bad(file, 0, "cannot read")));      // the file's own failure
    second.rejected(bad(file, 2, "not JSON"));
    index.store(second);
  }
  std::ofstream(file, std::ios::app) << "three\n";  // changed: everything is reported again
  {
    auto third = index.ledger();
    third.file_started(file);
    CHECK_FALSE(third.reported_before(bad(file, 2, "not JSON")));
    index.store(third);  // nothing rejected this time: the record goes
  }
  CHECK(index.values.empty());
}

TEST_CASE("rejection ledger: records are keyed by absolute path; a garbled record counts as none",
          "[rejection_ledger]") {
  test::TempDir dir;
  const std::string file = dir / "in.jsonl";
  std::ofstream(file) << "x\n";
  Metadata index;
  auto first = index.ledger();
  first.file_started(file);
  first.rejected(bad(file, 1, "not JSON"));
  index.store(first);
  REQUIRE(index.values.size() == 1);
  const std::string key = index.values.begin()->first;
  CHECK(key.rfind("dipnews:rejected:", 0) == 0);

  index.values[key] = "something else entirely";
  auto garbled = index.ledger();
  garbled.file_started(file);
  CHECK_FALSE(garbled.reported_before(bad(file, 1, "not JSON")));
}
