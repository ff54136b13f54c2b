// Runs tasks on N worker threads and hands their results back in input order, streaming:
// a result is emitted as soon as every earlier one has been, and at most `window` tasks are
// in flight (read but not yet emitted), so memory stays flat however long the input is.
// Used by batch search (one database handle per worker); the indexer's pipeline can share it.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <algorithm>
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
  // next():  the next task, nullopt at the end of the input (called on the calling thread).
  // work(worker, task): runs on worker `worker` (0..jobs-1), never two calls at once per worker.
  // emit(result): called in input order, one at a time, from whichever thread completed it.
  using Next = std::function<std::optional<Task>()>;
  using Work = std::function<Result(unsigned worker, Task& task)>;
  using Emit = std::function<void(Result& result)>;

  OrderedPool(unsigned jobs, std::size_t window) : jobs_(jobs == 0 ? 1 : jobs), window_(std::max(window, std::size_t{1})) {}

  // Returns when every task has been emitted. The first exception thrown by `next`, `work`
  // or `emit` stops the pool and is rethrown here, after the workers have stopped.
  void run(const Next& next, const Work& work, const Emit& emit) {
    std::vector<std::thread> workers;
    for (unsigned w = 0; w < jobs_; ++w) workers.emplace_back([&, w] { work_loop(w, work, emit); });
    try {
      feed(next);
    } catch (...) {
      fail(std::current_exception());
    }
    for (auto& t : workers) t.join();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void feed(const Next& next) {
    for (;;) {
      std::optional<Task> task = next();
      std::unique_lock lock(mutex_);
      if (!task || error_) break;
      room_.wait(lock, [&] { return read_ - emitted_ < window_ || error_; });
      if (error_) break;
      pending_.emplace_back(read_++, std::move(*task));
      ready_.notify_one();
    }
    std::lock_guard lock(mutex_);
    input_done_ = true;
    ready_.notify_all();
  }

  void work_loop(unsigned worker, const Work& work, const Emit& emit) {
    for (;;) {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return !pending_.empty() || input_done_ || error_; });
      if (error_ || pending_.empty()) return;  // pending_ empty here means the input is done
      auto [sequence, task] = std::move(pending_.front());
      pending_.pop_front();
      lock.unlock();
      try {
        Result result = work(worker, task);
        lock.lock();
        done_.emplace(sequence, std::move(result));
        emit_in_order(emit);
      } catch (...) {
        if (lock.owns_lock()) lock.unlock();
        fail(std::current_exception());
        return;
      }
    }
  }

  // Called with the lock held: emits every result whose predecessors have all been emitted.
  void emit_in_order(const Emit& emit) {
    for (auto it = done_.find(emitted_); it != done_.end() && !error_; it = done_.find(emitted_)) {
      emit(it->second);
      done_.erase(it);
      ++emitted_;
      room_.notify_one();
    }
  }

  void fail(std::exception_ptr e) {
    std::lock_guard lock(mutex_);
    if (!error_) error_ = e;
    ready_.notify_all();
    room_.notify_all();
  }

  const unsigned jobs_;
  const std::size_t window_;
  std::mutex mutex_;
  std::condition_variable ready_;  // a task is pending, or the input ended, or an error
  std::condition_variable room_;   // fewer than window_ tasks in flight, or an error
  std::deque<std::pair<std::size_t, Task>> pending_;
  std::map<std::size_t, Result> done_;
  std::size_t read_ = 0, emitted_ = 0;
  bool input_done_ = false;
  std::exception_ptr error_;
};

}  // namespace dipnews
