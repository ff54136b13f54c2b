#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "ordered_pool.h"

using namespace dipnews;

namespace {

// Tasks 0..n-1; later tasks finish first, so any ordering bug shows.
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
    OrderedPool<int, int>(jobs, 8).run(
        [&] { return input.next(); },
        [](unsigned, int& task) {
          std::this_thread::sleep_for(std::chrono::microseconds((200 - task) % 7 * 50));
          return task * 10;
        },
        [&](int& r) { emitted.push_back(r); });
    REQUIRE(emitted.size() == 200);
    for (int i = 0; i < 200; ++i) CHECK(emitted[i] == i * 10);
  }
}

TEST_CASE("ordered pool: never more tasks in flight than the window", "[ordered_pool]") {
  std::atomic<int> in_flight{0}, most{0};
  Counting input{300};
  OrderedPool<int, int>(4, 6).run(
      [&] {
        auto t = input.next();
        if (t) most = std::max(most.load(), ++in_flight);
        return t;
      },
      [](unsigned, int& task) { return task; },
      [&](int&) { --in_flight; });
  // One task may be read while the pool waits for room.
  CHECK(most.load() <= 7);
  CHECK(in_flight.load() == 0);
}

TEST_CASE("ordered pool: a result is emitted before the input ends (streaming)", "[ordered_pool]") {
  std::mutex m;
  std::condition_variable cv;
  bool first_emitted = false;
  int served = 0;
  bool streamed = false;
  OrderedPool<int, int>(2, 4).run(
      [&]() -> std::optional<int> {
        if (served == 0) return served++;
        if (served == 1) {
          // Like a script that writes its next query only after reading the previous answer.
          std::unique_lock lock(m);
          streamed = cv.wait_for(lock, std::chrono::seconds(10), [&] { return first_emitted; });
          return served++;
        }
        return std::nullopt;
      },
      [](unsigned, int& task) { return task; },
      [&](int&) {
        std::lock_guard lock(m);
        first_emitted = true;
        cv.notify_all();
      });
  CHECK(streamed);
}

TEST_CASE("ordered pool: the first failure stops the pool and is rethrown", "[ordered_pool]") {
  Counting input{1000};
  std::atomic<int> worked{0};
  auto failing_work = [&] {
    OrderedPool<int, int> pool(3, 8);
    pool.run([&] { return input.next(); },
             [&](unsigned, int& task) {
               ++worked;
               if (task == 20) throw std::runtime_error("disk gone");
               return task;
             },
             [](int&) {});
  };
  CHECK_THROWS_WITH(failing_work(), "disk gone");
  CHECK(worked.load() < 1000);  // it stopped instead of running the rest

  Counting input2{10};
  auto failing_emit = [&] {
    OrderedPool<int, int> pool(2, 4);
    pool.run([&] { return input2.next(); }, [](unsigned, int& t) { return t; },
             [](int& r) {
               if (r == 5) throw std::runtime_error("stdout closed");
             });
  };
  CHECK_THROWS_WITH(failing_emit(), "stdout closed");
}
