#include "database.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <thread>

#include <unistd.h>

#include "build_config.h"
#include "error.h"
#include "schema.h"

namespace dipnews {

namespace {

std::string schema_mismatch(const std::string& path, const std::string& found) {
  return "'" + path + "' has index schema version " + found + " but this dipnews reads version " +
         std::to_string(schema::version) + " (rebuild it with dipnews-index into a new --db)";
}

void check_schema(const Xapian::Database& db, const std::string& path) {
  std::string found;
  try {
    found = db.get_metadata(schema::metadata::schema_version);
  } catch (const Xapian::UnimplementedError&) {
    return;  // remote backends in Xapian 1.4 have no user metadata to check
  }
  if (found.empty()) {
    if (db.get_doccount() == 0) return;  // freshly created, nothing committed yet
    throw RuntimeFailure("'" + path + "' is a Xapian database but not a dipnews index (no schema version)");
  }
  if (found != std::to_string(schema::version)) throw RuntimeFailure(schema_mismatch(path, found));
}

Xapian::Database open_one(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw RuntimeFailure("no database at '" + path + "' (create one with: dipnews-index --db " + path +
                         " FILE...)");
  }
  try {
    Xapian::Database db(path);
    check_schema(db, path);
    return db;
  } catch (const Xapian::DatabaseVersionError& e) {
    throw RuntimeFailure("'" + path + "': unsupported Xapian database format: " + e.get_msg());
  } catch (const Xapian::DatabaseCorruptError& e) {
    throw RuntimeFailure("'" + path + "': corrupt database: " + e.get_msg());
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw RuntimeFailure("cannot open database '" + path + "': " + e.get_msg());
  }
}

}  // namespace

std::vector<std::string> resolve_database_paths(const std::vector<std::string>& from_options) {
  if (!from_options.empty()) return from_options;
  if (const char* env = std::getenv("DIPNEWS_DB"); env && *env) return {env};
  return {"dipnews.db"};
}

Xapian::Database open_for_search(const std::vector<std::string>& paths) {
  Xapian::Database combined;
  for (const auto& path : paths) combined.add_database(open_one(path));
  return combined;
}

namespace {

// The writer's pid, kept in the index directory while it writes, so that a second writer
// can say who holds the lock (Xapian's lock does not tell).
std::string writer_pid_file(const std::string& path) { return path + "/dipnews-writer.pid"; }

void note_writer_pid(const std::string& path) {
  std::ofstream(writer_pid_file(path)) << getpid() << "\n";
}

// "another dipnews-index (pid N)" when the pid file names a live dipnews-index.
std::string lock_holder(const std::string& path) {
  long pid = 0;
  std::ifstream(writer_pid_file(path)) >> pid;
  std::string command;
  if (pid > 0) std::ifstream("/proc/" + std::to_string(pid) + "/comm") >> command;
  if (command.rfind("dipnews-index", 0) == 0) return "another dipnews-index (pid " + std::to_string(pid) + ")";
  return "another writer";
}

Xapian::WritableDatabase open_writable(const std::string& path, double wait_seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(wait_seconds);
  for (;;) {
    try {
      return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
      if (std::chrono::steady_clock::now() >= deadline) {
        throw DatabaseBusy("database '" + path + "' is locked by " + lock_holder(path) +
                           "; try again when it finishes, or wait with --wait-lock=SECONDS");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
}

}  // namespace

Xapian::WritableDatabase open_for_indexing(const std::string& path, double wait_seconds) {
  try {
    Xapian::WritableDatabase db = open_writable(path, wait_seconds);
    note_writer_pid(path);
    const std::string found = db.get_metadata(schema::metadata::schema_version);
    if (found.empty() && db.get_doccount() != 0) {
      throw RuntimeFailure("'" + path + "' is a Xapian database but not a dipnews index; refusing to write");
    }
    if (!found.empty() && found != std::to_string(schema::version)) {
      throw RuntimeFailure(schema_mismatch(path, found));
    }
    if (found.empty()) {
      // Committed at once, so no later failure can leave articles in an unversioned index.
      db.set_metadata(schema::metadata::schema_version, std::to_string(schema::version));
      db.set_metadata(schema::metadata::indexer_version, build::version);
      db.commit();
    }
    return db;
  } catch (const Xapian::DatabaseCorruptError& e) {
    throw RuntimeFailure("'" + path + "': corrupt database: " + e.get_msg());
  } catch (const Xapian::DatabaseError& e) {
    throw RuntimeFailure("cannot open database '" + path + "' for writing: " + e.get_msg());
  }
}

}  // namespace dipnews
