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

TEST_CASE("a changed list damages its old and new bounds only", "[damage]") {
  const std::vector<DrawListSignature> before{sig(1, 10, {0, 0, 330, 950}),
                                              sig(2, 20, {0, 974, 1600, 1000})};
  const std::vector<DrawListSignature> after{sig(1, 10, {0, 0, 330, 950}),
                                             sig(2, 21, {0, 970, 1600, 1000})};
  const auto d = draw_list_damage(before, after, kWindow);
  REQUIRE(d);
  CHECK(*d == PixelRect{0, 970, 1600, 1000});
}

TEST_CASE("appearing and disappearing lists (a tooltip) damage where they were", "[damage]") {
  const std::vector<DrawListSignature> before{sig(1, 10, {0, 0, 330, 950}),
                                              sig(9, 5, {500, 500, 600, 540})};
  const std::vector<DrawListSignature> after{sig(1, 10, {0, 0, 330, 950}),
                                             sig(8, 6, {700, 300, 760, 330})};
  const auto d = draw_list_damage(before, after, kWindow);
  REQUIRE(d);
  CHECK(*d == PixelRect{500, 300, 760, 540});
}

TEST_CASE("reordered lists (a window to the front) damage the whole window", "[damage]") {
  const std::vector<DrawListSignature> before{sig(1, 10, {0, 0, 10, 10}),
                                              sig(2, 20, {5, 5, 20, 20})};
  const std::vector<DrawListSignature> after{sig(2, 20, {5, 5, 20, 20}),
                                             sig(1, 10, {0, 0, 10, 10})};
  const auto d = draw_list_damage(before, after, kWindow);
  REQUIRE(d);
  CHECK(*d == kWindow);
}

TEST_CASE("damage is clipped to the window and rectangles unite", "[damage]") {
  const std::vector<DrawListSignature> before{sig(1, 1, {-50, -50, 20, 20})};
  const std::vector<DrawListSignature> after{sig(1, 2, {1590, 990, 1700, 1100})};
  const auto d = draw_list_damage(before, after, kWindow);
  REQUIRE(d);
  CHECK(*d == kWindow);
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
