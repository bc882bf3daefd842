#include "app/damage.hpp"

#include <catch2/catch.hpp>

#include "app/hasher.hpp"

using namespace caremap::app;

namespace {
const PixelRect kWindow{0, 0, 1600, 1000};
DrawListSignature sig(std::uintptr_t id, std::uint64_t content, PixelRect bounds) {
  return DrawListSignature{id, content, bounds};
}
}  // namespace

TEST_CASE("an unchanged frame has no damage", "[damage]") {
  const std::vector<DrawListSignature> frame{sig(1, 10, {0, 0, 330, 950}),
                                             sig(2, 20, {1230, 0, 1600, 950})};
  CHECK_FALSE(draw_list_damage(frame, frame, kWindow).has_value());
}

namespace {
// Frames that differ, and the one rectangle the difference must damage.
struct DamageCase {
  const char* what;
  std::vector<DrawListSignature> before;
  std::vector<DrawListSignature> after;
  PixelRect damage;
};
}  // namespace

TEST_CASE("changed frames damage what changed", "[damage]") {
  const std::vector<DamageCase> cases{
      {"a changed list damages its old and new bounds only",
       {sig(1, 10, {0, 0, 330, 950}), sig(2, 20, {0, 974, 1600, 1000})},
       {sig(1, 10, {0, 0, 330, 950}), sig(2, 21, {0, 970, 1600, 1000})},
       PixelRect{0, 970, 1600, 1000}},
      {"appearing and disappearing lists (a tooltip) damage where they were",
       {sig(1, 10, {0, 0, 330, 950}), sig(9, 5, {500, 500, 600, 540})},
       {sig(1, 10, {0, 0, 330, 950}), sig(8, 6, {700, 300, 760, 330})},
       PixelRect{500, 300, 760, 540}},
      {"reordered lists (a window to the front) damage the whole window",
       {sig(1, 10, {0, 0, 10, 10}), sig(2, 20, {5, 5, 20, 20})},
       {sig(2, 20, {5, 5, 20, 20}), sig(1, 10, {0, 0, 10, 10})},
       kWindow},
      {"damage is clipped to the window",
       {sig(1, 1, {-50, -50, 20, 20})},
       {sig(1, 2, {1590, 990, 1700, 1100})},
       kWindow},
  };
  for (const DamageCase& c : cases) {
    INFO(c.what);
    const auto d = draw_list_damage(c.before, c.after, kWindow);
    REQUIRE(d);
    CHECK(*d == c.damage);
  }
}

TEST_CASE("rectangles unite and intersect", "[damage]") {
  CHECK(unite(PixelRect{}, PixelRect{1, 2, 3, 4}) == PixelRect{1, 2, 3, 4});
  CHECK(intersect(PixelRect{0, 0, 10, 10}, PixelRect{20, 20, 30, 30}).empty());
}

TEST_CASE("the hasher tells contents apart and repeats itself", "[damage]") {
  auto digest = [](std::string_view s) {
    Hasher h;
    h.bytes(s.data(), s.size());
    return h.digest();
  };
  CHECK(digest("the labels over the map") == digest("the labels over the map"));
  CHECK(digest("the labels over the map") != digest("the labels over the maq"));
  CHECK(digest("abcdefgh12345678") != digest("12345678abcdefgh"));
}
