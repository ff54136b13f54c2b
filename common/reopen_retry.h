// Reading a Xapian database while another thread or process writes it. Xapian 1.4 keeps a
// reader's revision readable only until the writer has committed twice more; after that the
// blocks the reader still wants may have been reused, and the read fails with
// DatabaseModifiedError. The read is then started again on the newest revision. Three readers
// need this: the indexer's start-of-run lookups (ExistingArticles), its story lookups among
// committed articles (StoryIndex), and every search (Searcher::search).
#pragma once

#include <chrono>
#include <thread>

#include <xapian.h>

namespace dipnews {

struct ReopenRetry {
  int attempts = 4;  // reads in all, the first included; the last one's failure is rethrown
  // Waited before the n-th reopen: n² times this. A writer caught in the middle of a commit
  // gets a moment to finish, longer each time. Zero: reopen at once.
  std::chrono::milliseconds pause{0};
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
// revision and calls `read` again from the start, up to `retry.attempts` calls in all; the
// last failure is rethrown as it was. Any other exception passes through at once. `read`
// reads through `db` and must be safe to call again from the start: a failed call may have
// done part of its work.
template <typename... AlsoRetried, typename Read>
auto read_with_reopen(Xapian::Database& db, const ReopenRetry& retry, Read&& read) {
  for (int attempt = 1;; ++attempt) {
    try {
      return read();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= retry.attempts) throw;
    } catch (...) {
      if constexpr (sizeof...(AlsoRetried) > 0) {
        if (!detail::handling_one_of<AlsoRetried...>() || attempt >= retry.attempts) throw;
      } else {
        throw;
      }
    }
    if (retry.pause.count() > 0) std::this_thread::sleep_for(retry.pause * attempt * attempt);
    db.reopen();
  }
}

}  // namespace dipnews
