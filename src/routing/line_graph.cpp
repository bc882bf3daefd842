#include "routing/line_graph.hpp"

#include <algorithm>
#include <boost/geometry/index/rtree.hpp>
#include <charconv>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "core/error.hpp"
#include "core/exact_integer.hpp"
#include "routing/error_context.hpp"
#include "routing/graph_builder.hpp"

namespace caremap::routing {

namespace {

namespace bgi = boost::geometry::index;

struct Part {
  std::size_t feature = 0;
  std::uint32_t first = 0;  // first vertex in the global vertex array
  std::uint32_t count = 0;
  WayRule rule;
  std::int64_t way_id = 0;
};

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : m_parent(n) {
    std::iota(m_parent.begin(), m_parent.end(), std::uint32_t{0});
  }
  std::uint32_t find(std::uint32_t v) {
    while (m_parent[v] != v) {
      m_parent[v] = m_parent[m_parent[v]];
      v = m_parent[v];
    }
    return v;
  }
  /// Joins the sets; false if they were one already. The smaller root stays the root, so the
  /// first vertex read gives the node its position.
  bool unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) {
      return false;
    }
    if (b < a) {
      std::swap(a, b);
    }
    m_parent[b] = a;
    return true;
  }

 private:
  std::vector<std::uint32_t> m_parent;
};

double gap_m(core::XY a, core::XY b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

// Parameter t in [0, 1] of the point of segment a-b nearest to p.
double project(core::XY p, core::XY a, core::XY b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  if (len2 <= 0.0) {
    return 0.0;
  }
  return std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
}

core::XY lerp(core::XY a, core::XY b, double t) {
  return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
}

std::string file_of(const core::Layer& layer, const GraphInfo& info) {
  if (!layer.provenance.inputs.empty() && !layer.provenance.inputs.front().path.empty()) {
    return layer.provenance.inputs.front().path;
  }
  return info.source;
}

std::optional<std::size_t> field(const core::Layer& layer, const std::string& name,
                                 const std::string& file) {
  if (name.empty()) {
    return std::nullopt;
  }
  if (const auto i = layer.field_index(name)) {
    return i;
  }
  std::string available;
  for (const core::Field& f : layer.fields) {
    available += (available.empty() ? "" : ", ") + f.name;
  }
  core::ErrorContext c = file_context(file, name);
  c.layer = layer.id;
  throw core::InputError("the road profile names field '" + name +
                             "', which the layer does not have (fields: " + available + ")",
                         c);
}

// An identifier field's value as an integer, when it is exactly one (core::exact_integer).
std::optional<std::int64_t> whole_id(const core::FieldValue& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) {
    return *i;
  }
  const auto x = core::to_number(v);
  return x ? core::exact_integer(*x) : std::nullopt;
}

struct Fields {
  std::optional<std::size_t> cls, speed, oneway, from, to, id;
};

WayRule rule_for(const core::Layer& layer, const core::Feature& f, const LineProfile& profile,
                 const Fields& fields, const std::string& file) {
  double speed = 0.0;
  if (fields.speed) {
    if (const auto s = core::to_number(f.values[*fields.speed]);
        s && *s > 0.0 && std::isfinite(*s)) {
      speed = *s;
    }
  }
  if (speed <= 0.0 && fields.cls) {
    const std::string cls = core::to_text(f.values[*fields.cls]);
    const auto it = profile.class_speeds_kmh.find(cls);
    if (it == profile.class_speeds_kmh.end()) {
      core::ErrorContext c{file, layer.id,
                           f.source_row ? std::optional<std::size_t>(f.source_row) : std::nullopt,
                           profile.class_field};
      throw core::InputError("road class '" + cls + "' has no speed in profile '" + profile.name +
                                 "' (add it to class_speeds_kmh)",
                             c);
    }
    speed = it->second;
  }
  if (speed <= 0.0) {
    core::ErrorContext c{file, layer.id,
                         f.source_row ? std::optional<std::size_t>(f.source_row) : std::nullopt,
                         profile.speed_field};
    throw core::InputError("road has no speed (no positive speed field and no class)", c);
  }
  WayRule rule{speed, speed};
  if (fields.oneway) {
    const std::string v = core::to_text(f.values[*fields.oneway]);
    const auto has = [&v](const std::vector<std::string>& list) {
      return std::find(list.begin(), list.end(), v) != list.end();
    };
    if (has(profile.oneway_forward)) {
      rule.backward_kmh = 0.0;
    } else if (has(profile.oneway_backward)) {
      rule.forward_kmh = 0.0;
    }
  }
  return rule;
}

// Grid of vertex ids with cells the size of the tolerance: the vertices within the tolerance of
// a point lie in its cell or the eight around it.
class VertexGrid {
 public:
  explicit VertexGrid(double cell) : m_cell(cell) {}
  template <class F>
  void near(core::XY p, F&& f) const {
    const auto cx = key(p.x);
    const auto cy = key(p.y);
    for (std::int64_t dx = -1; dx <= 1; ++dx) {
      for (std::int64_t dy = -1; dy <= 1; ++dy) {
        if (const auto it = m_cells.find(pack(cx + dx, cy + dy)); it != m_cells.end()) {
          for (const std::uint32_t v : it->second) {
            f(v);
          }
        }
      }
    }
  }
  void insert(core::XY p, std::uint32_t v) { m_cells[pack(key(p.x), key(p.y))].push_back(v); }

 private:
  std::int64_t key(double c) const { return static_cast<std::int64_t>(std::floor(c / m_cell)); }
  static std::uint64_t pack(std::int64_t x, std::int64_t y) {
    return (static_cast<std::uint64_t>(x) * 0x9E3779B97F4A7C15ULL) ^ static_cast<std::uint64_t>(y);
  }
  double m_cell;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> m_cells;
};

struct Insertion {
  std::uint32_t piece = 0;  // index of the piece's first vertex within its part
  double t = 0.0;
  std::uint32_t vertex = 0;  // the line end that lies there
};

}  // namespace

LineGraph build_line_graph(const core::Layer& lines, const LineProfile& profile, GraphInfo info,
                           core::Diagnostics& diagnostics) {
  const std::string file = file_of(lines, info);
  Fields fields;
  fields.cls = field(lines, profile.class_field, file);
  fields.speed = field(lines, profile.speed_field, file);
  fields.oneway = field(lines, profile.oneway_field, file);
  fields.from = field(lines, profile.from_node_field, file);
  fields.to = field(lines, profile.to_node_field, file);
  fields.id = field(lines, profile.id_field, file);
  const double tol = profile.snap_tolerance_m;

  LineGraph out;
  std::vector<core::XY> verts;
  std::vector<Part> parts;
  auto add_part = [&](std::size_t feature, const core::LineString& ls, const WayRule& rule,
                      std::int64_t way_id) {
    Part p{feature, static_cast<std::uint32_t>(verts.size()), 0, rule, way_id};
    for (const core::XY& q : ls) {
      if (p.count > 0 && verts.back() == q) {
        continue;
      }
      verts.push_back(q);
      ++p.count;
    }
    if (p.count < 2) {
      verts.resize(p.first);
      return;
    }
    parts.push_back(p);
  };
  for (std::size_t i = 0; i < lines.features.size(); ++i) {
    const core::Feature& f = lines.features[i];
    const auto* ls = std::get_if<core::LineString>(&f.geometry);
    const auto* mls = std::get_if<core::MultiLineString>(&f.geometry);
    if (ls == nullptr && mls == nullptr) {
      diagnostics.add({core::Severity::warning,
                       "road_without_line",
                       file,
                       f.source_row ? std::optional<std::size_t>(f.source_row) : std::nullopt,
                       {},
                       "feature without a line geometry; not a road"});
      continue;
    }
    const WayRule rule = rule_for(lines, f, profile, fields, file);
    std::int64_t way_id = static_cast<std::int64_t>(f.source_row ? f.source_row : i + 1);
    if (fields.id) {
      if (const auto n = whole_id(f.values[*fields.id])) {
        way_id = *n;
      }
    }
    if (ls != nullptr) {
      add_part(i, *ls, rule, way_id);
    } else {
      for (const core::LineString& one : *mls) {
        add_part(i, one, rule, way_id);
      }
    }
  }
  out.stats.lines = parts.size();
  out.stats.vertices = verts.size();

  UnionFind sets(verts.size());
  // 1. Vertices within the tolerance are one node.
  {
    VertexGrid grid(std::max(tol, 1e-6));
    for (std::uint32_t v = 0; v < verts.size(); ++v) {
      grid.near(verts[v], [&](std::uint32_t u) {
        const double d = gap_m(verts[u], verts[v]);
        if (d <= tol && sets.unite(u, v) && d > 0.0) {
          ++out.stats.merged_vertices;
        }
      });
      grid.insert(verts[v], v);
    }
  }
  // 2. Explicit node ids join line ends.
  if (fields.from && fields.to) {
    std::unordered_map<std::int64_t, std::uint32_t> node_vertex;
    auto join = [&](const core::Feature& f, std::size_t field, std::uint32_t v) {
      const core::FieldValue& id = f.values[field];
      const auto n = whole_id(id);
      if (!n) {
        if (!std::holds_alternative<std::monostate>(id)) {
          diagnostics.add({core::Severity::warning, "unusable_node_id", file,
                           f.source_row ? std::optional<std::size_t>(f.source_row) : std::nullopt,
                           lines.fields[field].name,
                           "node id '" + core::to_text(id) +
                               "' is not a whole number; this line end joins by position only"});
        }
        return;
      }
      const auto [it, fresh] = node_vertex.emplace(*n, v);
      if (!fresh && gap_m(verts[it->second], verts[v]) > tol && sets.unite(it->second, v)) {
        ++out.stats.node_field_joins;
      } else if (!fresh) {
        sets.unite(it->second, v);
      }
    };
    for (std::size_t k = 0; k < parts.size(); ++k) {
      const Part& p = parts[k];
      const core::Feature& f = lines.features[p.feature];
      const bool first_part = k == 0 || parts[k - 1].feature != p.feature;
      const bool last_part = k + 1 == parts.size() || parts[k + 1].feature != p.feature;
      if (first_part) {
        join(f, *fields.from, p.first);
      }
      if (last_part) {
        join(f, *fields.to, p.first + p.count - 1);
      }
    }
  }
  // 3. T-junctions: a line end on another line's interior splits that line.
  std::vector<std::vector<Insertion>> inserts(parts.size());
  if (tol > 0.0) {
    using Value = std::pair<core::Box, std::pair<std::uint32_t, std::uint32_t>>;  // part, piece
    std::vector<Value> pieces;
    for (std::uint32_t k = 0; k < parts.size(); ++k) {
      for (std::uint32_t q = 0; q + 1 < parts[k].count; ++q) {
        const core::XY a = verts[parts[k].first + q];
        const core::XY b = verts[parts[k].first + q + 1];
        pieces.push_back({core::Box{{std::min(a.x, b.x), std::min(a.y, b.y)},
                                    {std::max(a.x, b.x), std::max(a.y, b.y)}},
                          {k, q}});
      }
    }
    const bgi::rtree<Value, bgi::rstar<16>> tree(pieces.begin(), pieces.end());
    std::vector<Value> hits;
    for (std::uint32_t k = 0; k < parts.size(); ++k) {
      for (const std::uint32_t end : {parts[k].first, parts[k].first + parts[k].count - 1}) {
        const core::XY p = verts[end];
        hits.clear();
        tree.query(bgi::intersects(core::Box{{p.x - tol, p.y - tol}, {p.x + tol, p.y + tol}}),
                   std::back_inserter(hits));
        double best = tol;
        std::optional<std::pair<std::uint32_t, Insertion>> found;
        for (const Value& h : hits) {
          const auto [part, piece] = h.second;
          const std::uint32_t a_id = parts[part].first + piece;
          if (a_id == end || a_id + 1 == end) {
            continue;  // the piece this end belongs to
          }
          const core::XY a = verts[a_id];
          const core::XY b = verts[a_id + 1];
          const double t = project(p, a, b);
          const core::XY on = lerp(a, b, t);
          const double d = gap_m(p, on);
          // Near one of the piece's vertices: step 1 joined them already.
          if (d > best || gap_m(on, a) <= tol || gap_m(on, b) <= tol) {
            continue;
          }
          best = d;
          found = {part, Insertion{piece, t, end}};
        }
        if (found) {
          inserts[found->first].push_back(found->second);
          ++out.stats.t_junctions;
        }
      }
    }
  }

  GraphBuilder builder;
  std::vector<std::int64_t> ids;
  for (std::uint32_t k = 0; k < parts.size(); ++k) {
    std::sort(inserts[k].begin(), inserts[k].end(), [](const Insertion& a, const Insertion& b) {
      return a.piece != b.piece ? a.piece < b.piece : a.t < b.t;
    });
    ids.clear();
    auto next = inserts[k].begin();
    for (std::uint32_t q = 0; q < parts[k].count; ++q) {
      ids.push_back(sets.find(parts[k].first + q));
      for (; next != inserts[k].end() && next->piece == q; ++next) {
        ids.push_back(sets.find(next->vertex));
      }
    }
    builder.add_way(parts[k].way_id, ids, parts[k].rule);
  }
  for (std::uint32_t v = 0; v < verts.size(); ++v) {
    if (sets.find(v) == v) {
      builder.set_node(v, verts[v]);
    }
  }
  info.line_stats = out.stats;
  out.graph = builder.build(std::move(info), diagnostics);
  return out;
}

LoadedLineGraph load_or_build_line_graph(const std::filesystem::path& source,
                                         const LineProfile& profile,
                                         const std::function<core::Layer()>& read_lines,
                                         const CacheOptions& options,
                                         core::Diagnostics& diagnostics) {
  GraphInfo info{source.string(), profile.name, line_profile_hash(profile), options.crs, {}};
  if (!options.enabled) {
    return {build_line_graph(read_lines(), profile, std::move(info), diagnostics), false};
  }
  const CacheKey key = cache_key_for(source, line_profile_hash(profile), options.crs);
  const std::filesystem::path cache =
      options.path.empty() ? default_cache_path(source, profile.name) : options.path;
  if (auto cached = read_graph_cache(cache, key, diagnostics)) {
    const LineGraphStats stats = cached->info().line_stats;
    return {LineGraph{std::move(*cached), stats}, true};
  }
  LineGraph built = build_line_graph(read_lines(), profile, std::move(info), diagnostics);
  write_graph_cache_or_warn(built.graph, key, cache, diagnostics);
  return {std::move(built), false};
}

}  // namespace caremap::routing
