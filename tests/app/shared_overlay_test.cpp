#include "app/shared_overlay.hpp"

#include <catch2/catch.hpp>
#include <memory>
#include <thread>
#include <vector>

#include "support/road_fixture.hpp"

using namespace caremap;
using namespace caremap::app;

namespace {

std::shared_ptr<const routing::RoadNetwork> street() {
  return std::make_shared<const routing::RoadNetwork>(test::parse_road_fixture(R"(
node A 0 0
node B 1000 0
node C 2000 0
way 1 A B speed=36
way 2 B C speed=36
)")
                                                          .graph);
}

// A barrier square over the middle of way 2, and a feature with nothing in it (ignored).
core::Layer closures() {
  core::Layer layer;
  layer.id = "closures";
  core::Polygon square;
  square.outer() = {{1400, -50}, {1400, 50}, {1600, 50}, {1600, -50}, {1400, -50}};
  layer.features.push_back(core::Feature{square, {}, core::Category::closure, 1});
  layer.features.push_back(core::Feature{core::Geometry{}, {}, core::Category::closure, 2});
  return layer;
}

}  // namespace

TEST_CASE("a shared overlay is built once for all the jobs that ask", "[app][overlay]") {
  SharedOverlay shared(street(), closures());
  std::vector<const routing::Overlay*> seen(4, nullptr);
  std::vector<std::thread> jobs;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    jobs.emplace_back([&shared, &seen, i] { seen[i] = shared.get(); });
  }
  for (std::thread& t : jobs) {
    t.join();
  }
  REQUIRE(seen[0] != nullptr);
  for (const routing::Overlay* o : seen) {
    CHECK(o == seen[0]);  // one overlay, not one per job
  }
  CHECK(seen[0]->closed_count() == 2);  // both directions of way 2
  CHECK(shared.diagnostics().count("closure_ignored") == 1);

  SharedOverlay none(street(), core::Layer{});
  CHECK(none.get() == nullptr);
  CHECK(none.diagnostics().empty());
}
