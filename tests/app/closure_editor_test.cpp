#include "app/closure_editor.hpp"

#include <boost/geometry.hpp>
#include <catch2/catch.hpp>

using namespace caremap;
using namespace caremap::app;

TEST_CASE("an area is drawn by clicks and finished by a double-click", "[closure_editor]") {
  ClosureEditor e;
  CHECK_FALSE(e.active());
  e.start(ClosureKind::area);
  REQUIRE(e.active());
  e.click({0, 0}, 2.0);
  e.click({100, 0}, 2.0);
  // A double-click: its first click adds the vertex, the second finishes without a duplicate.
  e.click({100, 100}, 2.0);
  const auto shape = e.double_click({100.5, 100.5}, 2.0);
  REQUIRE(shape);
  CHECK_FALSE(e.active());
  CHECK(shape->kind == ClosureKind::area);
  CHECK(shape->vertices.size() == 3);
  const core::Geometry g = closure_geometry(*shape);
  const auto& polygon = std::get<core::Polygon>(g);
  CHECK(polygon.outer().size() == 4);  // closed ring
  CHECK(boost::geometry::is_valid(polygon));
  CHECK(boost::geometry::area(polygon) == Approx(5000.0).margin(1e-6));
}

TEST_CASE("finish needs enough vertices and keeps drawing when short", "[closure_editor]") {
  ClosureEditor e;
  e.start(ClosureKind::area);
  e.click({0, 0});
  e.click({10, 0});
  CHECK_FALSE(e.finish());
  CHECK(e.active());
  CHECK(e.problem() == ClosureEditor::Problem::too_few_vertices);
  e.click({10, 10});
  CHECK(e.problem() == ClosureEditor::Problem::none);
  CHECK(e.finish());

  e.start(ClosureKind::line);
  e.click({0, 0});
  CHECK_FALSE(e.finish());
  e.click({5, 5});
  const auto line = e.finish();
  REQUIRE(line);
  CHECK(std::get<core::LineString>(closure_geometry(*line)).size() == 2);
}

TEST_CASE("a self-crossing outline is refused with a reason", "[closure_editor]") {
  ClosureEditor e;
  e.start(ClosureKind::slowdown, 3.0);
  for (core::XY p : {core::XY{0, 0}, core::XY{10, 10}, core::XY{10, 0}, core::XY{0, 10}}) {
    e.click(p);
  }
  CHECK_FALSE(e.finish());
  CHECK(e.problem() == ClosureEditor::Problem::self_intersecting);
  CHECK(e.active());
  e.undo();  // drop the crossing vertex: a triangle remains
  const auto shape = e.finish();
  REQUIRE(shape);
  CHECK(shape->kind == ClosureKind::slowdown);
  CHECK(shape->factor == 3.0);
}

TEST_CASE("escape cancels, undo removes the last vertex, start restarts", "[closure_editor]") {
  ClosureEditor e;
  e.start(ClosureKind::line);
  e.click({0, 0});
  e.click({1, 1});
  e.undo();
  CHECK(e.vertices().size() == 1);
  e.cancel();
  CHECK_FALSE(e.active());
  CHECK(e.vertices().empty());
  CHECK_FALSE(e.finish());  // nothing to finish once cancelled
  e.click({3, 3});          // clicks outside drawing are ignored
  CHECK(e.vertices().empty());
  e.start(ClosureKind::area);
  e.click({0, 0});
  e.start(ClosureKind::line);  // a new shape drops the old one
  CHECK(e.vertices().empty());
  CHECK(e.kind() == ClosureKind::line);
}
