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
#include <limits>
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

  // max_cost: besides the window, submit() waits while the tasks in flight cost more than
  // this in all (the indexer: bytes of article text), though one task always goes through,
  // whatever its cost.
  OrderedPool(unsigned jobs, std::size_t window, Work work, Emit emit,
              std::size_t max_cost = std::numeric_limits<std::size_t>::max())
      : window_(std::max(window, std::size_t{1})), max_cost_(max_cost), work_(std::move(work)), emit_(std::move(emit)) {
    for (unsigned w = 0; w < std::max(jobs, 1u); ++w) workers_.emplace_back([this, w] { work_loop(w); });
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // Stops without emitting what is left (finish() was not reached: an exception is unwinding).
  ~OrderedPool() {
    fail(nullptr);
    join();
  }

  // Blocks while `window` tasks, or tasks costing more than max_cost with this one, are in
  // flight. Rethrows the pool's first failure, if any.
  void submit(Task task, std::size_t cost = 0) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] {
      const bool cost_room = cost_in_flight_ == 0 || cost <= max_cost_ - std::min(cost_in_flight_, max_cost_);
      return (submitted_ - emitted_ < window_ && cost_room) || stopped_;
    });
    if (stopped_) {
      lock.unlock();
      finish();  // rethrows
      return;
    }
    costs_.push_back(cost);
    cost_in_flight_ += cost;
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
        emit_in_order(lock);
      } catch (...) {
        if (lock.owns_lock()) lock.unlock();
        fail(std::current_exception());
        return;
      }
    }
  }

  // Called with the lock held: emits every result whose predecessors have all been emitted,
  // unless another thread is emitting (it will find this one). The lock is let go during each
  // emit: the indexer's emit looks up stories and may wait for a writer's queue, and under the
  // lock every other worker would wait with it, unable to hand in its result or take a task.
  void emit_in_order(std::unique_lock<std::mutex>& lock) {
    if (emitting_) return;
    emitting_ = true;
    for (auto it = done_.find(emitted_); it != done_.end() && !stopped_; it = done_.find(emitted_)) {
      Result result = std::move(it->second);
      done_.erase(it);
      lock.unlock();
      emit_(result);  // a throw leaves emitting_ set: the pool stops (work_loop), nothing is emitted again
      lock.lock();
      ++emitted_;
      cost_in_flight_ -= costs_.front();
      costs_.pop_front();
    }
    emitting_ = false;
    // Wake the submitter only once half the window is free: it then submits a burst, and
    // the workers find tasks waiting instead of being woken one task at a time (a futex
    // round trip per task cost ~5% of a batch of fast queries).
    // Likewise for the cost, when there is a max_cost (with one, a submitter waiting for room is
    // woken at each emit below half of it, and at the latest when nothing is left in flight).
    const bool costed = max_cost_ != std::numeric_limits<std::size_t>::max();
    if (submitted_ - emitted_ <= window_ / 2 || (costed && cost_in_flight_ <= max_cost_ / 2)) room_.notify_one();
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
  const std::size_t max_cost_;
  const Work work_;
  const Emit emit_;
  std::mutex mutex_;
  std::condition_variable ready_;  // a task is pending, or the input ended, or a stop
  std::condition_variable room_;   // fewer than window_ tasks in flight, or a stop
  std::deque<std::pair<std::size_t, Task>> pending_;
  std::map<std::size_t, Result> done_;
  std::size_t submitted_ = 0, emitted_ = 0;
  std::deque<std::size_t> costs_;  // of the tasks in flight, in input order (results are emitted in it)
  std::size_t cost_in_flight_ = 0;
  bool input_done_ = false;
  bool stopped_ = false;   // a failure, or destruction before finish()
  bool emitting_ = false;  // a thread is in emit_in_order's loop
  std::exception_ptr error_;
  std::vector<std::thread> workers_;  // last: started once everything above exists
};

}  // namespace dipnews
