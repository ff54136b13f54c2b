// Reading a Xapian database while another thread or process writes it. Xapian 1.4 keeps a
// reader's revision readable only until the writer has committed twice more; after that the
// blocks the reader still wants may have been reused, and the read fails with
// DatabaseModifiedError. The read is then started again on the newest revision. Three readers
// need this: the indexer's start-of-run lookups (ExistingArticles), its story lookups among
// committed articles (StoryIndex), and every search (Searcher::search).
#pragma once

#include <chrono>
#include <exception>
#include <thread>

#include <xapian.h>

namespace dipnews {

struct ReopenRetry {
  // Failed reads on an index that did not change meanwhile, the first included: a failure
  // that repeats while no writer commits is not the race, and the last one is rethrown.
  int attempts = 4;
  // Waited before the n-th reopen of an unchanged index: n² times this. A writer caught in
  // the middle of a commit gets a moment to finish, longer each time. Zero: reopen at once.
  std::chrono::milliseconds pause{0};
  // A read that failed while the writer committed (reopen() found a newer revision) is the
  // race, whatever the error says, and is read again without counting as an attempt, for
  // this long in all: a writer that commits faster than the read can run starves it (Xapian
  // readers need two commits' time), and that is reported rather than waited out forever.
  std::chrono::milliseconds keep_up_for{std::chrono::seconds(30)};
};

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

}  // namespace detail

// Returns `read()`. When it fails with DatabaseModifiedError, or with one of `AlsoRetried`
// (other ways the same race shows, for a reader that meets them), reopens `db` at its newest
// revision and calls `read` again from the start. A failure on an index that changed since
// the read began is retried for up to `retry.keep_up_for`; on an unchanged index, up to
// `retry.attempts` reads in all. The last failure is rethrown as it was; any other exception
// passes through at once. `read` reads through `db` and must be safe to call again from the
// start: a failed call may have done part of its work.
template <typename... AlsoRetried, typename Read>
auto read_with_reopen(Xapian::Database& db, const ReopenRetry& retry, Read&& read) {
  const auto give_up = std::chrono::steady_clock::now() + retry.keep_up_for;
  for (int unchanged_failures = 0;;) {
    std::exception_ptr failure;
    try {
      return read();
    } catch (const Xapian::DatabaseModifiedError&) {
      failure = std::current_exception();
    } catch (...) {
      if constexpr (sizeof...(AlsoRetried) > 0) {
        if (!detail::handling_one_of<AlsoRetried...>()) throw;
      } else {
        throw;
      }
      failure = std::current_exception();
    }
    if (db.reopen()) {  // a writer committed since: the race
      if (std::chrono::steady_clock::now() >= give_up) std::rethrow_exception(failure);
      continue;
    }
    if (++unchanged_failures >= retry.attempts) std::rethrow_exception(failure);
    if (retry.pause.count() > 0) std::this_thread::sleep_for(retry.pause * unchanged_failures * unchanged_failures);
  }
}

}  // namespace dipnews
