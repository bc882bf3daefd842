#include "road_fixture.hpp"

#include <sstream>
#include <stdexcept>
#include <vector>

#include "routing/graph_builder.hpp"

namespace caremap::test {

routing::NodeId RoadFixture::node(const std::string& name) const {
  const std::int64_t id = ids.at(name);
  for (routing::NodeId v = 0; v < graph.node_count(); ++v) {
    if (graph.node_osm_id(v) == id) {
      return v;
    }
  }
  throw std::runtime_error("fixture node " + name + " is not a graph node");
}

routing::SegmentId RoadFixture::segment_from(const std::string& from) const {
  const routing::NodeId v = node(from);
  for (routing::SegmentId s = 0; s < graph.segment_count(); ++s) {
    if (graph.segment_from(s) == v) {
      return s;
    }
  }
  throw std::runtime_error("no segment starts at " + from);
}

RoadFixture parse_road_fixture(const std::string& text) {
  RoadFixture f;
  routing::GraphBuilder builder;
  std::map<std::string, core::XY> positions;
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (const auto hash = line.find('#'); hash != std::string::npos) {
      line.resize(hash);
    }
    std::istringstream words(line);
    std::string kind;
    if (!(words >> kind)) {
      continue;
    }
    auto fail = [&](const std::string& why) {
      throw std::runtime_error("fixture line " + std::to_string(number) + ": " + why);
    };
    if (kind == "node") {
      std::string name;
      core::XY p;
      if (!(words >> name >> p.x >> p.y)) {
        fail("expected: node NAME X Y");
      }
      f.ids.emplace(name, static_cast<std::int64_t>(f.ids.size() + 1));
      positions[name] = p;
    } else if (kind == "way") {
      std::int64_t way_id = 0;
      if (!(words >> way_id)) {
        fail("expected: way ID NODE... speed=KMH");
      }
      std::vector<std::int64_t> nodes;
      routing::WayRule rule;
      bool oneway = false;
      double back = -1.0;
      std::string word;
      while (words >> word) {
        if (word == "oneway") {
          oneway = true;
        } else if (word.rfind("speed=", 0) == 0) {
          rule.forward_kmh = std::stod(word.substr(6));
        } else if (word.rfind("back=", 0) == 0) {
          back = std::stod(word.substr(5));
        } else if (f.ids.count(word) != 0) {
          nodes.push_back(f.ids.at(word));
        } else {
          fail("unknown node or option '" + word + "'");
        }
      }
      if (!(rule.forward_kmh > 0.0)) {
        fail("way needs speed=KMH");
      }
      rule.backward_kmh = oneway ? 0.0 : (back > 0.0 ? back : rule.forward_kmh);
      builder.add_way(way_id, nodes, rule);
    } else {
      fail("unknown statement '" + kind + "'");
    }
  }
  for (const auto& [name, p] : positions) {
    builder.set_node(f.ids.at(name), p);
  }
  core::Diagnostics diagnostics;
  f.graph = builder.build({"fixture", "fixture", 0, "local", {}}, diagnostics);
  if (!diagnostics.empty()) {
    throw std::runtime_error("fixture: " + core::format(diagnostics.items().front()));
  }
  return f;
}

}  // namespace caremap::test
