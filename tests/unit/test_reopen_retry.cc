#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <iterator>
#include <string>

#include <xapian.h>

#include "reopen_retry.h"
#include "temp_dir.h"

using namespace dipnews;

namespace {

// A database with one committed document, and a reader opened on that revision.
struct WrittenWhileRead {
  test::TempDir dir;
  Xapian::WritableDatabase writer{dir / "db", Xapian::DB_CREATE};
  Xapian::Database reader;

  FreshOpen open_fresh = [this] { return Xapian::Database(dir / "db"); };

  WrittenWhileRead() {
    writer.add_document(Xapian::Document());
    writer.commit();
    reader = Xapian::Database(dir / "db");
  }
};

}  // namespace

TEST_CASE("read_with_reopen: a read that fails once as modified is read again on the newest revision",
          "[reopen_retry]") {
  WrittenWhileRead db;
  db.writer.add_document(Xapian::Document());
  db.writer.commit();  // the reader still sees one document until it reopens
  int calls = 0;
  const Xapian::doccount seen = read_with_reopen(db.reader, ReopenRetry{}, db.open_fresh, [&] {
    if (++calls == 1) throw Xapian::DatabaseModifiedError("the revision was overwritten");
    return db.reader.get_doccount();
  });
  CHECK(calls == 2);
  CHECK(seen == 2);
}

TEST_CASE("read_with_reopen: a read that keeps failing gives up after its attempts with the last error",
          "[reopen_retry]") {
  WrittenWhileRead db;
  int calls = 0;
  auto always_modified = [&]() -> int {
    ++calls;
    throw Xapian::DatabaseModifiedError("attempt " + std::to_string(calls));
  };
  std::string message;
  try {
    read_with_reopen(db.reader, ReopenRetry{}, db.open_fresh, always_modified);
  } catch (const Xapian::DatabaseModifiedError& e) {
    message = e.get_msg();
  }
  CHECK(calls == 4);  // the default: four reads in all
  CHECK(message == "attempt 4");

  calls = 0;
  CHECK_THROWS_AS(read_with_reopen(db.reader, ReopenRetry{10}, db.open_fresh, always_modified),
                  Xapian::DatabaseModifiedError);
  CHECK(calls == 10);
}

TEST_CASE("read_with_reopen: a root block read as the wrong level is the race too; other errors pass at once",
          "[reopen_retry]") {
  WrittenWhileRead db;
  int calls = 0;
  auto corrupt_once = [&] {
    if (++calls == 1) throw Xapian::DatabaseCorruptError("Expected block 3 to be level 1, not 0");
    return 7;
  };
  CHECK(read_with_reopen(db.reader, ReopenRetry{}, db.open_fresh, corrupt_once) == 7);
  CHECK(calls == 2);

  calls = 0;
  CHECK_THROWS_AS(read_with_reopen(db.reader, ReopenRetry{}, db.open_fresh,
                                   [&]() -> int {
                                     ++calls;
                                     throw Xapian::InvalidArgumentError("not a race");
                                   }),
                  Xapian::InvalidArgumentError);
  CHECK(calls == 1);
}

TEST_CASE("read_with_reopen: the pause grows with each attempt", "[reopen_retry]") {
  WrittenWhileRead db;
  int calls = 0;
  const auto start = std::chrono::steady_clock::now();
  CHECK_THROWS_AS(read_with_reopen(db.reader, ReopenRetry{3, std::chrono::milliseconds(5)}, db.open_fresh,
                                   [&]() -> int {
                                     ++calls;
                                     throw Xapian::DatabaseModifiedError("again");
                                   }),
                  Xapian::DatabaseModifiedError);
  CHECK(calls == 3);
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(5 * 1 + 5 * 4));
}

TEST_CASE("read_with_reopen: failures while the writer keeps committing are the race, retried beyond the attempts",
          "[reopen_retry]") {
  WrittenWhileRead db;
  int calls = 0;
  // Each failed read meets a new commit, as under a busy indexer: 12 failures with 4 attempts.
  const Xapian::doccount seen =
      read_with_reopen<Xapian::DatabaseCorruptError>(db.reader, ReopenRetry{}, db.open_fresh, [&] {
        if (++calls <= 12) {
          db.writer.add_document(Xapian::Document());
          db.writer.commit();
          throw Xapian::DatabaseCorruptError("Expected block 28 to be level 1, not 0");
        }
        return db.reader.get_doccount();
      });
  CHECK(calls == 13);
  CHECK(seen == 13);
}

TEST_CASE("read_with_reopen: a writer that never lets the read finish is reported after the time limit",
          "[reopen_retry]") {
  WrittenWhileRead db;
  int calls = 0;
  auto starved = [&]() -> int {
    ++calls;
    db.writer.add_document(Xapian::Document());
    db.writer.commit();
    throw Xapian::DatabaseModifiedError("starved");
  };
  ReopenRetry retry;
  retry.keep_up_for = std::chrono::milliseconds(50);
  const auto start = std::chrono::steady_clock::now();
  CHECK_THROWS_AS(read_with_reopen(db.reader, retry, db.open_fresh, starved), Xapian::DatabaseModifiedError);
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(50));
  CHECK(calls > retry.attempts);
}

TEST_CASE("read_with_reopen: a handle whose reopen met the race is replaced by a fresh one", "[reopen_retry]") {
  WrittenWhileRead db;
  db.writer.add_document(Xapian::Document());
  db.writer.commit();
  // The new revision's postlist table reads as garbage while the reader reopens, as a root
  // block a writer has just reused does; it reads right again once the "writer" has moved on.
  const std::string table = db.dir / "db/postlist.glass";
  std::string saved;
  {
    std::ifstream in(table, std::ios::binary);
    saved.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::ofstream(table, std::ios::binary) << std::string(saved.size(), '\xff');
  int fresh_opens = 0;
  FreshOpen open_after_commit = [&] {
    ++fresh_opens;
    std::ofstream(table, std::ios::binary) << saved;
    return Xapian::Database(db.dir / "db");
  };
  CHECK_THROWS_AS(Xapian::Database(db.dir / "db"), Xapian::DatabaseCorruptError);  // what reopen() meets
  int calls = 0;
  const Xapian::doccount seen = read_with_reopen(db.reader, ReopenRetry{}, open_after_commit, [&] {
    if (++calls == 1) throw Xapian::DatabaseModifiedError("the revision was overwritten");
    return db.reader.get_doccount();
  });
  CHECK(fresh_opens == 1);
  CHECK(calls == 2);
  CHECK(seen == 2);
}

TEST_CASE("open_with_retry: an open that meets the race is tried again; damage is reported after the attempts",
          "[reopen_retry]") {
  WrittenWhileRead db;
  int opens = 0;
  const Xapian::Database opened = open_with_retry(
      [&] {
        if (++opens == 1) throw Xapian::DatabaseCorruptError("Expected block 6 to be level 1, not 0");
        return Xapian::Database(db.dir / "db");
      },
      ReopenRetry{});
  CHECK(opens == 2);
  CHECK(opened.get_doccount() == 1);

  opens = 0;
  CHECK_THROWS_AS(open_with_retry(
                      [&]() -> Xapian::Database {
                        ++opens;
                        throw Xapian::DatabaseCorruptError("damaged for good");
                      },
                      ReopenRetry{3}),
                  Xapian::DatabaseCorruptError);
  CHECK(opens == 3);

  opens = 0;
  CHECK_THROWS_AS(open_with_retry(
                      [&]() -> Xapian::Database {
                        ++opens;
                        throw Xapian::DatabaseOpeningError("no such database");
                      },
                      ReopenRetry{}),
                  Xapian::DatabaseOpeningError);
  CHECK(opens == 1);
}
