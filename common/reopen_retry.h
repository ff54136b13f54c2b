// Reading a Xapian database while another thread or process writes it. Xapian 1.4 keeps a
// reader's revision readable only until the writer has committed twice more; after that the
// blocks the reader still wants may have been reused and the read fails: with
// DatabaseModifiedError, or with DatabaseCorruptError ("Expected block N to be level 1, not
// 0") when the reused block is a table's root (glass checks a root's level before its
// revision). Opening a database and reopen() read the roots too, and meet the same race. A
// reopen() that fails so leaves its handle half-open: Xapian reopens nothing more while the
// revision stays the same, and every later read fails. So the read is started again on a
// handle brought to the newest revision, a fresh one when reopen() failed; a failure that
// repeats on an index no writer changes is real damage, and is reported. The readers: the
// indexer's start-of-run lookups (ExistingArticles), its story lookups among committed
// articles (StoryIndex), every search (Searcher::search) and opening for search.
#pragma once

#include <algorithm>
#include <chrono>
#include <exception>
#include <functional>
#include <thread>

#include <xapian.h>

namespace dipnews {

struct ReopenRetry {
  // Failed reads on an index that did not change meanwhile, the first included: a failure
  // that repeats while no writer commits is not the race, and the last one is rethrown.
  int attempts = 4;
  // Waited before the n-th retry on an unchanged index: n² times this. A writer caught in
  // the middle of a commit gets a moment to finish, longer each time. Zero: retry at once.
  std::chrono::milliseconds pause{0};
  // A read that failed while the writer committed (the handle found a newer revision) is the
  // race, whatever the error says, and is read again without counting as an attempt, for
  // this long in all: a writer that commits faster than the read can run starves it (Xapian
  // readers need two commits' time), and that is reported rather than waited out forever.
  std::chrono::milliseconds keep_up_for{std::chrono::seconds(30)};
};

// Opens the same database afresh (a new handle at the newest revision).
using FreshOpen = std::function<Xapian::Database()>;

namespace detail {

// Whether the exception being handled (called inside a catch block) is one of `Types`.
template <typename First, typename... Rest>
bool handling_one_of() {
  try {
    throw;
  } catch (const First&) {
    return true;
  } catch (...) {
    if constexpr (sizeof...(Rest) > 0) {
      return handling_one_of<Rest...>();
    } else {
      return false;
    }
  }
}

// Whether the exception being handled is a way the race shows (or damage, told apart by
// whether it repeats on an unchanged index).
template <typename... AlsoRetried>
bool handling_race() {
  return handling_one_of<Xapian::DatabaseModifiedError, Xapian::DatabaseCorruptError, AlsoRetried...>();
}

inline void pause_before(const ReopenRetry& retry, int failures) {
  if (retry.pause.count() > 0) std::this_thread::sleep_for(retry.pause * failures * failures);
}

}  // namespace detail

// `open()` (a Database constructor, which reads the tables' roots), opened again when it
// meets the race, up to `retry.attempts` opens in all, at least a millisecond apart (times
// n²); the last failure is rethrown.
inline Xapian::Database open_with_retry(const FreshOpen& open, const ReopenRetry& retry) {
  ReopenRetry spaced = retry;
  spaced.pause = std::max(retry.pause, std::chrono::milliseconds(1));
  for (int failures = 1;; ++failures) {
    try {
      return open();
    } catch (...) {
      if (!detail::handling_race() || failures >= retry.attempts) throw;
    }
    detail::pause_before(spaced, failures);
  }
}

// Brings `db` to the newest revision; true when the index changed since its revision. A
// reopen() that fails has read a newer revision (it reads nothing on an unchanged one), so
// the half-open handle is replaced by a fresh one.
inline bool reopen_newest(Xapian::Database& db, const FreshOpen& open_fresh, const ReopenRetry& retry) {
  try {
    return db.reopen();
  } catch (...) {
    if (!detail::handling_race()) throw;
  }
  db = open_with_retry(open_fresh, retry);
  return true;
}

// Returns `read()`. When it fails with DatabaseModifiedError, DatabaseCorruptError or one of
// `AlsoRetried` (other ways the same race shows, for a reader that meets them), brings `db`
// to the newest revision (through `open_fresh` when reopen() fails) and calls `read` again
// from the start. A failure on an index that changed since the read began is retried for up
// to `retry.keep_up_for`; on an unchanged index, up to `retry.attempts` reads in all. The
// last failure is rethrown as it was; any other exception passes through at once. `read`
// reads through `db` and must be safe to call again from the start: a failed call may have
// done part of its work.
template <typename... AlsoRetried, typename Read>
auto read_with_reopen(Xapian::Database& db, const ReopenRetry& retry, const FreshOpen& open_fresh, Read&& read) {
  const auto give_up = std::chrono::steady_clock::now() + retry.keep_up_for;
  for (int unchanged_failures = 0;;) {
    std::exception_ptr failure;
    try {
      return read();
    } catch (...) {
      if (!detail::handling_race<AlsoRetried...>()) throw;
      failure = std::current_exception();
    }
    if (reopen_newest(db, open_fresh, retry)) {  // a writer committed since: the race
      if (std::chrono::steady_clock::now() >= give_up) std::rethrow_exception(failure);
      continue;
    }
    if (++unchanged_failures >= retry.attempts) std::rethrow_exception(failure);
    detail::pause_before(retry, unchanged_failures);
  }
}

}  // namespace dipnews
