#include "database.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

#include "build_config.h"
#include "error.h"
#include "index_check.h"
#include "index_directory.h"
#include "reopen_retry.h"
#include "schema.h"
#include "shards.h"

namespace dipnews {

namespace {

// `label`: "'PATH'", or how a remote database was named.
std::string schema_mismatch(const std::string& label, const std::string& found) {
  return label + " has index schema version " + found + " but this dipnews reads version " +
         std::to_string(schema::version) + " (rebuild it with dipnews-index into a new --db)";
}

void check_schema(const Xapian::Database& db, const std::string& label) {
  std::string found;
  try {
    found = db.get_metadata(schema::metadata::schema_version);
  } catch (const Xapian::UnimplementedError&) {
    return;  // a remote backend without user metadata (Xapian 1.4.22's has it)
  }
  if (found.empty()) {
    if (db.get_doccount() == 0) return;  // freshly created, nothing committed yet
    throw RuntimeFailure(label + " is a Xapian database but not a dipnews index (no schema version)");
  }
  if (found != std::to_string(schema::version)) throw RuntimeFailure(schema_mismatch(label, found));
}

std::atomic<bool> opened_remote{false};
std::atomic<bool> remote_programs_allowed{false};

// Remote shards: a query waits up to this long for a server's answer (facets over a large
// shard take seconds), a connection attempt much less.
constexpr unsigned remote_timeout_ms = 120'000;
constexpr unsigned remote_connect_timeout_ms = 10'000;

// Everything opened for one search, so the shards of a sharded index can be checked together.
class SearchOpening {
 public:
  // `listed_at`: the stub line naming `path`, if any.
  // `stub_dir`: the directory of that stub.
  void add(const std::string& path, const std::string& listed_at = "", int depth = 0,
           const std::filesystem::path& stub_dir = {}) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      // A shard `dipnews-index --shards` had not created yet when it was killed.
      const std::filesystem::path listed(path);
      if (!stub_dir.empty() && listed.filename().string().rfind("shard-", 0) == 0 &&
          (stub_dir / listed.filename()).lexically_normal() == listed.lexically_normal()) {
        throw RuntimeFailure(unfinished_index_message(stub_dir.string()));
      }
      if (!listed_at.empty()) throw RuntimeFailure("no database at '" + path + "' (listed at " + listed_at + ")");
      throw RuntimeFailure("no database at '" + path + "' (create one with: dipnews-index --db " + path + " FILE...)");
    }
    if (const auto stub = stub_file_of(path)) {
      if (depth > 8) throw RuntimeFailure("'" + path + "': stub databases nested too deep (a stub listing itself?)");
      for (const auto& entry : read_stub(*stub)) {
        const std::string where = *stub + ":" + std::to_string(entry.line);
        if (entry.kind == StubEntry::Kind::local) {
          add(entry.path, where, depth + 1, std::filesystem::path(*stub).parent_path());
        } else if (entry.kind == StubEntry::Kind::remote_program && !remote_programs_allowed) {
          throw RuntimeFailure(where + ": error: this stub database line would run the program '" + entry.program +
                               "' (remote :PROGRAM); refused: a database must not run programs unless you allow it "
                               "with --allow-remote-programs");
        } else {
          add_database(open_remote(entry, where), entry.describe() + " (" + where + ")");
        }
      }
      return;
    }
    add_database(open_local(path), "'" + path + "'" + (listed_at.empty() ? "" : " (listed at " + listed_at + ")"));
  }

  Xapian::Database database() { return std::move(combined_); }

  // Shards of one sharded index: none twice; those missing said in `warnings`.
  void check_shard_sets(std::vector<std::string>* warnings) const {
    for (const auto& [set, shards] : sets_) {
      const unsigned count = shards.begin()->second.first;
      std::string missing;
      for (unsigned k = 0; k < count; ++k) {
        if (!shards.count(k)) missing += (missing.empty() ? "" : ", ") + std::to_string(k);
      }
      if (!missing.empty() && warnings) {
        warnings->push_back("searching " + std::to_string(shards.size()) + " of the " + std::to_string(count) +
                            " shards of the index " + shards.begin()->second.second + " belongs to (missing: shard" +
                            (missing.find(',') != std::string::npos ? "s " : " ") + missing +
                            "): results cover only the articles of those searched");
      }
    }
  }

 private:
  static Xapian::Database open_local(const std::string& path) {
    // A directory is opened as the glass index it holds, named so: Xapian never reads a stub
    // in it by itself (add() has read and checked any, through stub_file_of).
    int backend = 0;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      if (std::filesystem::exists(std::filesystem::path(path) / "iamglass", ec)) {
        backend = Xapian::DB_BACKEND_GLASS;
      } else if (inspect_index_directory(path).state == IndexDirectory::State::unfinished || only_stub_leftover(path)) {
        throw RuntimeFailure(unfinished_index_message(path));
      }
    }
    try {
      // Opened again when a writer's commits meet the open (reopen_retry.h): damage is what
      // fails every time.
      return open_with_retry(
          [&] {
            Xapian::Database db(path, backend);
            check_schema(db, "'" + path + "'");
            return db;
          },
          ReopenRetry{});
    } catch (const Xapian::DatabaseVersionError& e) {
      throw RuntimeFailure("'" + path + "': unsupported Xapian database format: " + e.get_msg());
    } catch (const Xapian::DatabaseCorruptError& e) {
      throw RuntimeFailure("'" + path + "': corrupt database: " + e.get_msg());
    } catch (const Xapian::DatabaseOpeningError& e) {
      throw RuntimeFailure("cannot open database '" + path + "': " + e.get_msg());
    }
  }

  static Xapian::Database open_remote(const StubEntry& entry, const std::string& where) {
    const std::string name = "remote database " + entry.describe() + " (" + where + ")";
    try {
      Xapian::Database db =
          entry.kind == StubEntry::Kind::remote_tcp
              ? Xapian::Remote::open(entry.host, entry.port, remote_timeout_ms, remote_connect_timeout_ms)
              : Xapian::Remote::open(entry.program, entry.args, remote_timeout_ms);
      check_schema(db, name);
      opened_remote = true;
      return db;
    } catch (const Xapian::NetworkError& e) {
      std::string why = e.get_msg();
      if (const char* detail = e.get_error_string(); detail && *detail) why += ": " + std::string(detail);
      throw RuntimeFailure("cannot reach " + name + ": " + why +
                           (entry.kind == StubEntry::Kind::remote_tcp ? " (is xapian-tcpsrv serving it there?)" : ""));
    } catch (const Xapian::Error& e) {
      throw RuntimeFailure(name + ": " + e.get_type() + ": " + e.get_msg());
    }
  }

  void add_database(Xapian::Database db, const std::string& label) {
    std::string stamp;
    try {
      stamp = db.get_metadata(shard_metadata::key);
    } catch (const Xapian::UnimplementedError&) {
    }
    if (const auto id = parse_shard_identity(stamp)) {
      auto& shards = sets_[id->set];
      if (!shards.empty() && shards.begin()->second.first != id->count) {
        throw RuntimeFailure(label + " is shard " + std::to_string(id->index) + " of " + std::to_string(id->count) +
                             " but " + shards.begin()->second.second + " belongs to the same index with " +
                             std::to_string(shards.begin()->second.first) + " shards");
      }
      const auto [it, fresh] = shards.try_emplace(id->index, id->count, label);
      if (!fresh) {
        throw RuntimeFailure(label + " and " + it->second.second + " are the same shard (" + std::to_string(id->index) +
                             " of " + std::to_string(id->count) + "): its articles would be counted twice");
      }
    }
    // Any database given twice (two spellings of a path, a stub listing it again, a copy):
    // Xapian would search it twice and return each of its articles twice.
    if (const std::string uuid = db.get_uuid(); !uuid.empty()) {
      const auto [it, fresh] = labels_by_uuid_.try_emplace(uuid, label);
      if (!fresh) {
        throw RuntimeFailure(label + " and " + it->second +
                             " are the same database (or copies of it): its articles would be counted twice");
      }
    }
    combined_.add_database(db);
  }

  Xapian::Database combined_;
  // Shard set -> shard index -> (shard count, label).
  std::map<std::string, std::map<unsigned, std::pair<unsigned, std::string>>> sets_;
  std::map<std::string, std::string> labels_by_uuid_;
};

}  // namespace

std::vector<std::string> resolve_database_paths(const std::vector<std::string>& from_options) {
  if (!from_options.empty()) return from_options;
  if (const char* env = std::getenv("DIPNEWS_DB"); env && *env) return {env};
  return {"dipnews.db"};
}

bool searching_remote_databases() { return opened_remote; }

void allow_remote_programs(bool allowed) { remote_programs_allowed = allowed; }

Xapian::Database open_for_search(const std::vector<std::string>& paths, std::vector<std::string>* warnings) {
  std::vector<std::string> found;
  // All opened again when a writer's commits meet a read of the shards' metadata.
  Xapian::Database db = open_with_retry(
      [&] {
        found.clear();
        SearchOpening opening;
        for (const auto& path : paths) opening.add(path);
        opening.check_shard_sets(&found);
        return opening.database();
      },
      ReopenRetry{});
  if (warnings) warnings->insert(warnings->end(), found.begin(), found.end());
  return db;
}

namespace {

// The writer's pid, kept in the index directory while it writes, so that a second writer
// can say who holds the lock (Xapian's lock does not tell).
std::string writer_pid_file(const std::string& path) { return path + "/dipnews-writer.pid"; }

// The pid files this process wrote, removed when it exits normally (a killed writer's stays,
// harmless: only a live dipnews-index it names is reported).
std::vector<std::string>& noted_pid_files() {
  static std::vector<std::string> files;
  return files;
}

void remove_noted_pid_files() {
  for (const auto& file : noted_pid_files()) {
    long pid = 0;
    std::ifstream(file) >> pid;
    if (pid == getpid()) std::remove(file.c_str());  // not another writer's, written since
  }
}

void note_writer_pid(const std::string& path) {
  const std::string file = writer_pid_file(path);
  std::ofstream(file) << getpid() << "\n";
  auto& files = noted_pid_files();
  if (files.empty()) std::atexit(remove_noted_pid_files);
  if (std::find(files.begin(), files.end(), file) == files.end()) files.push_back(file);
}

// Before Xapian opens `path` for writing: only a new or empty directory, or one holding
// nothing but an index, is written; an index whose creation was killed before its first
// commit (index files, no iamglass: Xapian can neither open nor create it) starts again.
// Returns what the directory was.
IndexDirectory::State check_directory_for_writing(const std::string& path) {
  const IndexDirectory d = inspect_index_directory(path);
  switch (d.state) {
    case IndexDirectory::State::absent:
    case IndexDirectory::State::empty:
    case IndexDirectory::State::index: return d.state;
    case IndexDirectory::State::unfinished: restart_unfinished_index(path); return d.state;
    case IndexDirectory::State::foreign:
      if (d.reason == IndexDirectory::not_a_directory) {
        throw RuntimeFailure("'" + path +
                             "' is not a directory: dipnews-index writes an index into a directory "
                             "(give --db a new or empty directory)");
      }
      if (d.others.empty()) {
        throw RuntimeFailure("'" + path + "' is not a dipnews index: it holds " + d.reason +
                             "; refusing to write there (give --db a new or empty directory)");
      }
      throw RuntimeFailure("'" + path + "' is not a dipnews index: it holds " + d.reason + " (" + d.others_text() +
                           "); refusing to write there (give --db a new or empty directory, or move those out)");
  }
  return d.state;
}

std::string corrupt_index_message(const std::string& path, const std::string& problem) {
  return "'" + path + "': index is corrupt: " + problem + " (run xapian-check " + path +
         " for details; rebuild it with dipnews-index into a new --db); nothing was written";
}

// Xapian's own consistency check (xapian-check's) of every table, before anything is written:
// a damaged table made Xapian 1.4 crash (SIGSEGV, double free) or loop forever inside
// commit(), and writing on top of damage spreads it (index_check.h).
void check_not_corrupt(const std::string& path) {
  if (const auto problem = index_damage(path)) throw RuntimeFailure(corrupt_index_message(path, *problem));
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

// Xapian 1.4 reports every failure to take its lock as DatabaseLockError: another writer
// holding it, but also a lock file (PATH/flintlock) it cannot open, on a read-only file
// system or without write permission, where waiting or retrying never helps. The lock file
// is opened here as Xapian opens it (without truncating it): when that fails, the reason is
// returned; nullopt when the lock is only taken.
std::optional<std::string> cannot_take_lock(const std::string& path) {
  const std::string lock_file = path + "/flintlock";
  const int fd = ::open(lock_file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) {
    const int cause = errno;
    if (cause == EMFILE || cause == ENFILE) return std::nullopt;  // Xapian names it itself
    return std::string(std::strerror(cause));
  }
  ::close(fd);
  if (::access(path.c_str(), W_OK) != 0) return std::string(std::strerror(errno));  // no new table files
  return std::nullopt;
}

Xapian::WritableDatabase open_writable(const std::string& path, double wait_seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(wait_seconds);
  for (;;) {
    try {
      // Glass named explicitly: Xapian never reads a stub file (XAPIANDB) here.
      return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    } catch (const Xapian::DatabaseLockError& e) {
      if (const auto reason = cannot_take_lock(path)) {
        throw RuntimeFailure("cannot write index '" + path + "': " + *reason);
      }
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
  const auto before = check_directory_for_writing(path);
  try {
    Xapian::WritableDatabase db = open_writable(path, wait_seconds);
    // Under the lock: no commit meanwhile.
    if (before == IndexDirectory::State::index && !unchanged_since_checked(path)) check_not_corrupt(path);
    note_checked(path);
    remove_stale_compaction_copies(path);
    const std::string found = db.get_metadata(schema::metadata::schema_version);
    if (found.empty() && db.get_doccount() != 0) {
      throw RuntimeFailure("'" + path + "' is a Xapian database but not a dipnews index; refusing to write");
    }
    if (!found.empty() && found != std::to_string(schema::version)) {
      throw RuntimeFailure(schema_mismatch("'" + path + "'", found));
    }
    note_writer_pid(path);
    if (found.empty()) {
      // Committed at once, so no later failure can leave articles in an unversioned index.
      db.set_metadata(schema::metadata::schema_version, std::to_string(schema::version));
      db.set_metadata(schema::metadata::indexer_version, build::version);
      db.commit();
    }
    return db;
  } catch (const Xapian::DatabaseCorruptError& e) {
    throw RuntimeFailure(corrupt_index_message(path, e.get_msg()));
  } catch (const Xapian::DatabaseError& e) {
    throw RuntimeFailure("cannot open database '" + path + "' for writing: " + xapian_reason(e));
  }
}

namespace {

std::string new_shard_set_id() {
  std::random_device random;
  char id[33];
  std::snprintf(id, sizeof id, "%08x%08x%08x%08x", random(), random(), random(), random());
  return id;
}

}  // namespace

std::vector<Xapian::WritableDatabase> open_shards_for_indexing(const std::vector<std::string>& paths, bool sharded,
                                                               double wait_seconds) {
  std::vector<Xapian::WritableDatabase> dbs;
  for (const auto& path : paths) dbs.push_back(open_for_indexing(path, wait_seconds));
  if (!sharded) {
    // One shard written as a plain index would get articles of other shards: duplicates
    // across shards, and articles the next run looks for in the wrong place.
    if (const auto id = parse_shard_identity(dbs.front().get_metadata(shard_metadata::key))) {
      throw UsageError("'" + paths.front() + "' is shard " + std::to_string(id->index) + " of " +
                       std::to_string(id->count) +
                       " of a sharded index: index into the whole index (its parent "
                       "directory, which holds XAPIANDB), so that each article goes to its own shard");
    }
    return dbs;
  }
  // Shards are stamped when created; a layout half-created by a killed run gets the set id
  // its existing shards carry.
  std::vector<std::optional<ShardIdentity>> stamps;
  std::string set;
  for (std::size_t k = 0; k < dbs.size(); ++k) {
    const std::string stamp = dbs[k].get_metadata(shard_metadata::key);
    stamps.push_back(parse_shard_identity(stamp));
    if (!stamp.empty() && !stamps.back())
      throw RuntimeFailure("'" + paths[k] + "': unreadable shard stamp '" + stamp + "'");
    if (stamps.back() && set.empty()) set = stamps.back()->set;
  }
  if (set.empty()) set = new_shard_set_id();
  const auto count = static_cast<unsigned>(dbs.size());
  for (unsigned k = 0; k < count; ++k) {
    const ShardIdentity expected{k, count, set};
    if (!stamps[k]) {
      dbs[k].set_metadata(shard_metadata::key, format_shard_identity(expected));
      dbs[k].commit();
    } else if (stamps[k]->index != k || stamps[k]->count != count || stamps[k]->set != set) {
      throw RuntimeFailure("'" + paths[k] + "' is shard " + std::to_string(stamps[k]->index) + " of " +
                           std::to_string(stamps[k]->count) + (stamps[k]->set != set ? " of another index" : "") +
                           ", not shard " + std::to_string(k) + " of " + std::to_string(count) +
                           ": the shard directories were moved or mixed by hand; put them back");
    }
  }
  return dbs;
}

}  // namespace dipnews
