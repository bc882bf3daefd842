#include "app/closure_editor.hpp"

#include <boost/geometry.hpp>
#include <cmath>
#include <utility>

namespace caremap::app {

namespace bg = boost::geometry;

const char* to_string(ClosureKind k) {
  switch (k) {
    case ClosureKind::area:
      return "area";
    case ClosureKind::line:
      return "line";
    case ClosureKind::slowdown:
      return "slowdown";
  }
  return "area";
}

core::Geometry closure_geometry(const ClosureShape& shape) {
  if (shape.kind == ClosureKind::line) {
    return core::LineString(shape.vertices.begin(), shape.vertices.end());
  }
  core::Polygon polygon;
  polygon.outer().assign(shape.vertices.begin(), shape.vertices.end());
  if (!polygon.outer().empty()) {
    polygon.outer().push_back(polygon.outer().front());
  }
  bg::correct(polygon);
  return polygon;
}

std::size_t ClosureEditor::min_vertices(ClosureKind kind) {
  return kind == ClosureKind::line ? 2 : 3;
}

void ClosureEditor::start(ClosureKind kind, double factor) {
  m_active = true;
  m_shape = ClosureShape{kind, {}, factor};
  m_problem = Problem::none;
}

void ClosureEditor::click(core::XY p, double same_point_m) {
  if (!m_active) {
    return;
  }
  if (!m_shape.vertices.empty()) {
    const core::XY& last = m_shape.vertices.back();
    if (std::hypot(p.x - last.x, p.y - last.y) <= same_point_m) {
      return;
    }
  }
  m_shape.vertices.push_back(p);
  m_problem = Problem::none;
}

std::optional<ClosureShape> ClosureEditor::double_click(core::XY p, double same_point_m) {
  click(p, same_point_m);
  return finish();
}

std::optional<ClosureShape> ClosureEditor::finish() {
  if (!m_active) {
    return std::nullopt;
  }
  if (m_shape.vertices.size() < min_vertices(m_shape.kind)) {
    m_problem = Problem::too_few_vertices;
    return std::nullopt;
  }
  if (m_shape.kind != ClosureKind::line) {
    const core::Geometry g = closure_geometry(m_shape);
    if (!bg::is_valid(std::get<core::Polygon>(g))) {
      m_problem = Problem::self_intersecting;
      return std::nullopt;
    }
  }
  m_active = false;
  m_problem = Problem::none;
  return std::exchange(m_shape, ClosureShape{});
}

void ClosureEditor::undo() {
  if (m_active && !m_shape.vertices.empty()) {
    m_shape.vertices.pop_back();
    m_problem = Problem::none;
  }
}

void ClosureEditor::cancel() {
  m_active = false;
  m_shape = ClosureShape{};
  m_problem = Problem::none;
}

}  // namespace caremap::app
