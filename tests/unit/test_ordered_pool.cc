#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "ordered_pool.h"

using namespace dipnews;

namespace {

using Pool = OrderedPool<int, int>;

// Tasks 0..n-1.
struct Counting {
  int n;
  int next_task = 0;
  std::optional<int> next() { return next_task < n ? std::optional<int>(next_task++) : std::nullopt; }
};

}  // namespace

TEST_CASE("ordered pool: results come out in input order whatever finishes first", "[ordered_pool]") {
  for (unsigned jobs : {1u, 3u, 8u}) {
    Counting input{200};
    std::vector<int> emitted;
    // Later tasks tend to finish first, so any ordering bug shows.
    auto slow_early = [](unsigned, int& task) {
      std::this_thread::sleep_for(std::chrono::microseconds((200 - task) % 7 * 50));
      return task * 10;
    };
    Pool(jobs, 8, slow_early, [&](int& r) { emitted.push_back(r); }).run([&] { return input.next(); });
    REQUIRE(emitted.size() == 200);
    for (int i = 0; i < 200; ++i) CHECK(emitted[i] == i * 10);
  }
}

TEST_CASE("ordered pool: submit and finish - nothing is lost", "[ordered_pool]") {
  std::vector<int> emitted;
  Pool pool(
      2, 3, [](unsigned, int& t) { return t + 1; }, [&](int& r) { emitted.push_back(r); });
  for (int i = 0; i < 50; ++i) pool.submit(i);
  pool.finish();
  REQUIRE(emitted.size() == 50);
  CHECK(emitted.front() == 1);
  CHECK(emitted.back() == 50);
}

TEST_CASE("ordered pool: never more tasks in flight than the window", "[ordered_pool]") {
  std::atomic<int> in_flight{0}, most{0};
  Pool pool(
      4, 6, [](unsigned, int& task) { return task; }, [&](int&) { --in_flight; });
  for (int i = 0; i < 300; ++i) {
    most = std::max(most.load(), ++in_flight);
    pool.submit(i);
  }
  pool.finish();
  CHECK(most.load() <= 7);  // counted just before a submit that may wait for room
  CHECK(in_flight.load() == 0);
}

TEST_CASE("ordered pool: a result is emitted before the input ends (streaming)", "[ordered_pool]") {
  std::mutex m;
  std::condition_variable cv;
  bool first_emitted = false;
  Pool pool(
      2, 4, [](unsigned, int& task) { return task; },
      [&](int&) {
        std::lock_guard lock(m);
        first_emitted = true;
        cv.notify_all();
      });
  pool.submit(0);
  // Like a script that writes its next query only after reading the previous answer.
  std::unique_lock lock(m);
  CHECK(cv.wait_for(lock, std::chrono::seconds(10), [&] { return first_emitted; }));
  lock.unlock();
  pool.submit(1);
  pool.finish();
}

TEST_CASE("ordered pool: the first failure stops the pool and is rethrown", "[ordered_pool]") {
  std::atomic<int> worked{0};
  auto failing_work = [&] {
    Counting input{1000};
    Pool pool(
        3, 8,
        [&](unsigned, int& task) {
          ++worked;
          if (task == 20) throw std::runtime_error("disk gone");
          return task;
        },
        [](int&) {});
    pool.run([&] { return input.next(); });
  };
  CHECK_THROWS_WITH(failing_work(), "disk gone");
  CHECK(worked.load() < 1000);  // it stopped instead of running the rest

  auto failing_emit = [&] {
    Counting input{10};
    Pool pool(
        2, 4, [](unsigned, int& t) { return t; },
        [](int& r) {
          if (r == 5) throw std::runtime_error("stdout closed");
        });
    pool.run([&] { return input.next(); });
  };
  CHECK_THROWS_WITH(failing_emit(), "stdout closed");
}

TEST_CASE("ordered pool: destroyed before finish, it stops without hanging", "[ordered_pool]") {
  std::atomic<int> emitted{0};
  {
    Pool pool(
        2, 4, [](unsigned, int& t) { return t; }, [&](int&) { ++emitted; });
    pool.submit(1);
    pool.submit(2);
  }  // as when an exception unwinds past the pool
  CHECK(emitted.load() <= 2);
}

TEST_CASE("ordered pool: tasks in flight stay within max_cost - one always goes, whatever its cost", "[ordered_pool]") {
  for (const auto& [cost, most_in_flight] : {std::pair{100u, 1}, std::pair{30u, 3}, std::pair{1u, 8}}) {
    std::atomic<int> in_flight{0}, peak{0};
    std::vector<int> emitted;
    auto work = [&](unsigned, int& task) {
      const int now = ++in_flight;
      for (int seen = peak; now > seen && !peak.compare_exchange_weak(seen, now);) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      return task;
    };
    {
      Pool pool(
          4, 8, work,
          [&](int& r) {
            --in_flight;
            emitted.push_back(r);
          },
          /*max_cost=*/100);
      for (int i = 0; i < 40; ++i) pool.submit(i, cost);
      pool.finish();
    }
    INFO("cost " << cost);
    CHECK(emitted.size() == 40);
    CHECK(peak <= most_in_flight);
    if (cost == 100u) CHECK(peak == 1);
  }
}

TEST_CASE("ordered pool: while one result is emitted, the other workers go on with their tasks", "[ordered_pool]") {
  // The indexer's emit may wait for a writer: the other workers must not wait with it.
  std::atomic<int> worked{0};
  bool others_went_on = false;
  std::vector<int> emitted;
  Counting input{6};
  auto emit = [&](int& r) {
    if (r == 0) {
      const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      while (worked < 6 && std::chrono::steady_clock::now() < give_up) std::this_thread::yield();
      others_went_on = worked == 6;
    }
    emitted.push_back(r);
  };
  Pool(
      2, 8, [&](unsigned, int& task) { return ++worked, task; }, emit)
      .run([&] { return input.next(); });
  CHECK(others_went_on);
  CHECK(emitted == std::vector<int>{0, 1, 2, 3, 4, 5});
}
