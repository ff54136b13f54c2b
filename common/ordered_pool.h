// Runs tasks on N worker threads and hands their results back in input order, streaming:
// a result is emitted as soon as every earlier one has been, and at most `window` tasks are
// in flight (submitted but not yet emitted), so memory stays flat however long the input is.
// Batch search uses it (one database handle per worker), and so does the indexer (workers
// tag and build documents, the in-order emit writes them).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace dipnews {

template <typename Task, typename Result>
class OrderedPool {
 public:
  // work(worker, task): runs on worker `worker` (0..jobs-1), one call at a time per worker.
  // emit(result): called in input order, one at a time, from whichever thread completed it.
  using Work = std::function<Result(unsigned worker, Task& task)>;
  using Emit = std::function<void(Result& result)>;
  using Next = std::function<std::optional<Task>()>;

  OrderedPool(unsigned jobs, std::size_t window, Work work, Emit emit)
      : window_(std::max(window, std::size_t{1})), work_(std::move(work)), emit_(std::move(emit)) {
    for (unsigned w = 0; w < std::max(jobs, 1u); ++w) workers_.emplace_back([this, w] { work_loop(w); });
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // Stops without emitting what is left (finish() was not reached: an exception is unwinding).
  ~OrderedPool() {
    fail(nullptr);
    join();
  }

  // Blocks while `window` tasks are in flight. Rethrows the pool's first failure, if any.
  void submit(Task task) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return submitted_ - emitted_ < window_ || stopped_; });
    if (stopped_) {
      lock.unlock();
      finish();  // rethrows
      return;
    }
    pending_.emplace_back(submitted_++, std::move(task));
    ready_.notify_one();
  }

  // Waits until every submitted task has been emitted, stops the workers, and rethrows the
  // first exception thrown by `work` or `emit`.
  void finish() {
    {
      std::lock_guard lock(mutex_);
      input_done_ = true;
      ready_.notify_all();
    }
    join();
    if (error_) std::rethrow_exception(error_);
  }

  // submit() every task next() gives, then finish().
  void run(const Next& next) {
    while (auto task = next()) submit(std::move(*task));
    finish();
  }

 private:
  void work_loop(unsigned worker) {
    for (;;) {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return !pending_.empty() || input_done_ || stopped_; });
      if (stopped_ || pending_.empty()) return;  // empty here means the input is done
      auto [sequence, task] = std::move(pending_.front());
      pending_.pop_front();
      lock.unlock();
      try {
        Result result = work_(worker, task);
        lock.lock();
        done_.emplace(sequence, std::move(result));
        emit_in_order();
      } catch (...) {
        if (lock.owns_lock()) lock.unlock();
        fail(std::current_exception());
        return;
      }
    }
  }

  // Called with the lock held: emits every result whose predecessors have all been emitted.
  void emit_in_order() {
    for (auto it = done_.find(emitted_); it != done_.end() && !stopped_; it = done_.find(emitted_)) {
      emit_(it->second);
      done_.erase(it);
      ++emitted_;
    }
    // Wake the submitter only once half the window is free: it then submits a burst, and
    // the workers find tasks waiting instead of being woken one task at a time (a futex
    // round trip per task cost ~5% of a batch of fast queries).
    if (submitted_ - emitted_ <= window_ / 2) room_.notify_one();
  }

  // Records the first failure (nullptr: a stop without one) and wakes everybody up.
  void fail(std::exception_ptr e) {
    std::lock_guard lock(mutex_);
    if (!stopped_) error_ = e;
    stopped_ = true;
    ready_.notify_all();
    room_.notify_all();
  }

  void join() {
    for (auto& t : workers_) {
      if (t.joinable() && t.get_id() != std::this_thread::get_id()) t.join();
    }
  }

  const std::size_t window_;
  const Work work_;
  const Emit emit_;
  std::mutex mutex_;
  std::condition_variable ready_;  // a task is pending, or the input ended, or a stop
  std::condition_variable room_;   // fewer than window_ tasks in flight, or a stop
  std::deque<std::pair<std::size_t, Task>> pending_;
  std::map<std::size_t, Result> done_;
  std::size_t submitted_ = 0, emitted_ = 0;
  bool input_done_ = false;
  bool stopped_ = false;  // a failure, or destruction before finish()
  std::exception_ptr error_;
  std::vector<std::thread> workers_;  // last: started once everything above exists
};

}  // namespace dipnews
