#include "render/label_placer.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <set>

using namespace caremap::render;

namespace {

LabelCandidate candidate(std::size_t id, int priority, float x, float y, float w = 60,
                         float h = 14) {
  LabelCandidate c;
  c.id = id;
  c.priority = priority;
  c.x = x;
  c.y = y;
  c.width = w;
  c.height = h;
  c.offset_px = 5;
  return c;
}

}  // namespace

TEST_CASE("no two placed labels overlap", "[labels]") {
  std::mt19937 rng(42);
  std::uniform_real_distribution<float> px(0, 800);
  std::uniform_real_distribution<float> py(0, 600);
  std::uniform_int_distribution<int> prio(0, 5);
  std::vector<LabelCandidate> cands;
  for (std::size_t i = 0; i < 800; ++i) {
    cands.push_back(candidate(i, prio(rng), px(rng), py(rng), 40 + static_cast<float>(i % 50)));
  }
  LabelPlacementOptions opt{800, 600, 2.0f};
  const auto placed = place_labels(cands, opt);
  REQUIRE(placed.size() > 20);
  REQUIRE(placed.size() < cands.size());  // dense enough that some must be dropped
  for (std::size_t i = 0; i < placed.size(); ++i) {
    CHECK(placed[i].box.x0 >= 0);
    CHECK(placed[i].box.y0 >= 0);
    CHECK(placed[i].box.x1 <= 800);
    CHECK(placed[i].box.y1 <= 600);
    for (std::size_t j = i + 1; j < placed.size(); ++j) {
      INFO("labels " << placed[i].id << " and " << placed[j].id);
      CHECK_FALSE(placed[i].box.intersects(placed[j].box));
    }
  }
}

TEST_CASE("the higher priority label wins a collision", "[labels]") {
  // Two labels at the same place: only one of the four positions each... force a single
  // position by making the viewport exactly fit one box to the right.
  std::vector<LabelCandidate> cands{candidate(1, 1, 100, 50), candidate(2, 9, 100, 50)};
  LabelPlacementOptions opt{200, 100, 2.0f};
  const auto placed = place_labels(cands, opt);
  REQUIRE(!placed.empty());
  CHECK(placed.front().id == 2);
  // With every position of the same anchor tried, the second one may still fit elsewhere, but
  // never on top of the first.
  if (placed.size() == 2) {
    CHECK_FALSE(placed[0].box.intersects(placed[1].box));
  }
}

TEST_CASE("priority decides who is dropped when only one fits", "[labels]") {
  // An area label (centre only) and a point label on top of each other in a tiny viewport.
  LabelCandidate low = candidate(7, 3, 50, 20, 90, 16);
  low.anchor = LabelAnchor::area;
  LabelCandidate high = candidate(8, 30, 50, 20, 90, 16);
  high.anchor = LabelAnchor::area;
  std::vector<LabelCandidate> cands{low, high};
  const auto placed = place_labels(cands, LabelPlacementOptions{100, 40, 2.0f});
  REQUIRE(placed.size() == 1);
  CHECK(placed[0].id == 8);
  CHECK(placed[0].position == LabelPosition::centre);
}

TEST_CASE("a point label moves to another side instead of overlapping", "[labels]") {
  std::vector<LabelCandidate> cands{candidate(1, 10, 100, 100), candidate(2, 5, 170, 100)};
  const auto placed = place_labels(cands, LabelPlacementOptions{400, 300, 2.0f});
  REQUIRE(placed.size() == 2);
  CHECK(placed[0].id == 1);
  CHECK(placed[0].position == LabelPosition::right);
  CHECK(placed[1].position != LabelPosition::left);  // left of 2 is where 1's label sits
  CHECK_FALSE(placed[0].box.intersects(placed[1].box));
}

TEST_CASE("labels avoid obstacles and stay inside the viewport", "[labels]") {
  std::vector<LabelCandidate> cands{candidate(1, 1, 100, 100)};
  const ScreenRect obstacle{104, 80, 200, 120};  // covers the right position
  const auto placed = place_labels(cands, LabelPlacementOptions{400, 300, 2.0f},
                                   std::span<const ScreenRect>(&obstacle, 1));
  REQUIRE(placed.size() == 1);
  CHECK(placed[0].position == LabelPosition::left);
  std::vector<LabelCandidate> edge{candidate(3, 1, 395, 20)};
  const auto at_edge = place_labels(edge, LabelPlacementOptions{400, 300, 2.0f});
  REQUIRE(at_edge.size() == 1);
  CHECK(at_edge[0].position == LabelPosition::left);
}

TEST_CASE("placement is deterministic and ordered by priority", "[labels]") {
  std::vector<LabelCandidate> cands;
  for (std::size_t i = 0; i < 50; ++i) {
    cands.push_back(candidate(i, static_cast<int>(i % 7), 10.0f * i, 15.0f * (i % 9) + 20));
  }
  const LabelPlacementOptions opt{600, 200, 2.0f};
  const auto a = place_labels(cands, opt);
  const auto b = place_labels(cands, opt);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].id == b[i].id);
  }
  for (std::size_t i = 1; i < a.size(); ++i) {
    CHECK(cands[a[i - 1].id].priority >= cands[a[i].id].priority);
  }
}
