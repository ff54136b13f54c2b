#include "field_guard.h"

#include <chrono>
#include <optional>

#include <xapian.h>

#include "error.h"
#include "reopen_retry.h"
#include "schema.h"
#include "shards.h"

namespace dipnews {

namespace {

// The index's record (its first shard's: every shard records the same), through a handle of
// its own, before the writer opens it; "" when there is no index there yet, or one the writer
// will refuse with its own message. A glass database only, as dictionary_guard.cc reads it: a
// stub file is never followed.
std::string recorded_in(const std::string& path) {
  std::optional<Xapian::Database> db;
  std::string directory;
  try {
    const auto directories = index_directories(path);
    if (directories.empty()) return {};
    directory = directories.front();
    db.emplace(directory, Xapian::DB_BACKEND_GLASS);
    constexpr ReopenRetry retry{5, std::chrono::milliseconds(2)};
    const FreshOpen open_fresh = [&] { return Xapian::Database(directory, Xapian::DB_BACKEND_GLASS); };
    return read_with_reopen(*db, retry, open_fresh, [&] { return db->get_metadata(schema::metadata::custom_fields); });
  } catch (const Xapian::Error&) {
    return {};
  } catch (const Error&) {
    return {};
  }
}

}  // namespace

CustomFields custom_fields_for_run(const IndexOptions& options) {
  const CustomFields recorded = decode_custom_fields(recorded_in(options.db));
  try {
    return fields_for_run(options.declared_fields, recorded);
  } catch (const UsageError& e) {
    throw Error(ExitCode::usage, "index '" + options.db + "': " + e.message());
  }
}

}  // namespace dipnews
