#include "app/app_state.hpp"

#include <algorithm>

#include "app/tile_basemap.hpp"
#include "core/credit.hpp"
#include "crs/transformer.hpp"

namespace caremap::app {

AppState::AppState() : modules(make_modules()) {}
AppState::~AppState() = default;

std::uint64_t render_key(const LayerEntry& e) {
  return (static_cast<std::uint64_t>(e.uid) << 32) | e.version;
}

const style::LayerSymbology& symbology(LayerEntry& e) {
  LayerUiCache& c = e.ui;
  if (e.layer && (c.symbology_version != e.version || !(c.symbology_style == e.style))) {
    c.symbology = style::resolve_symbology(*e.layer, e.style);
    c.symbology_style = e.style;
    c.symbology_version = e.version;
  }
  return c.symbology;
}

std::shared_ptr<const index::LayerIndex> build_index(const core::LayerPtr& layer) {
  return layer ? std::make_shared<const index::LayerIndex>(*layer) : nullptr;
}

const index::LayerIndex* spatial_index(LayerEntry& e) {
  if (e.layer && !e.index) {
    e.index = build_index(e.layer);
  }
  return e.index.get();
}

const std::vector<std::optional<core::XY>>& anchors(LayerEntry& e) {
  LayerUiCache& c = e.ui;
  if (e.layer && (c.anchors_version != e.version || c.anchors.empty())) {
    c.anchors.clear();
    c.anchors.reserve(e.layer->size());
    for (const core::Feature& f : e.layer->features) {
      c.anchors.push_back(core::representative_point(f.geometry));
    }
    c.anchors_version = e.version;
  }
  return c.anchors;
}

namespace {

std::string unique_id(const AppState& app, const std::string& wanted) {
  auto taken = [&](const std::string& id) {
    return std::any_of(app.layers.begin(), app.layers.end(),
                       [&](const LayerEntry& e) { return e.id == id; });
  };
  if (!taken(wanted)) {
    return wanted;
  }
  for (int n = 2;; ++n) {
    const std::string candidate = wanted + "-" + std::to_string(n);
    if (!taken(candidate)) {
      return candidate;
    }
  }
}

// Facility points are drawn above areas and lines whatever order they arrive in; among point
// layers the more important category is drawn later (on top), so a hospital that is also a
// designated shelter shows as a hospital. Within a group, see drawn_before.
int draw_group(const LayerEntry& e) {
  // Bottom to top: basemaps, the population choropleth (a backdrop: analysis results such as
  // the team-coverage cells and coverage meshes must draw over it), boundaries, area results,
  // lines, then the facility points by label priority.
  if (e.raster) {
    return 0;
  }
  if (!e.layer) {
    return 2;
  }
  switch (e.layer->category) {
    case core::Category::population:
      return 1;
    case core::Category::boundary:
      return 2;
    case core::Category::mesh:
    case core::Category::coverage_area:
    case core::Category::coverage_gap:
    case core::Category::service_area:
      return 3;
    case core::Category::road:
    case core::Category::route:
    case core::Category::closure:
    case core::Category::nearest_link:
      return 4;
    default:
      return 1000 + style::default_symbol(e.layer->category).label.priority;
  }
}

// True when `a` is drawn before (under) `b`. Within a draw group, by category in declaration
// order (roads under routes under closures); within a category, loaded layers keep their
// arrival order and result layers follow them by id. With two workers the results of two
// analyses arrive in either order, and the map, the layer list and the legend must not depend
// on which finished first.
bool drawn_before(const LayerEntry& a, const LayerEntry& b) {
  const int ga = draw_group(a);
  const int gb = draw_group(b);
  if (ga != gb) {
    return ga < gb;
  }
  if (a.layer && b.layer && a.layer->category != b.layer->category) {
    return a.layer->category < b.layer->category;
  }
  if (a.is_result != b.is_result) {
    return !a.is_result;
  }
  return a.is_result && a.id < b.id;
}

void insert_in_group(AppState& app, LayerEntry entry) {
  auto it = std::find_if(app.layers.begin(), app.layers.end(),
                         [&](const LayerEntry& e) { return drawn_before(entry, e); });
  app.layers.insert(it, std::move(entry));
}

}  // namespace

std::uint32_t add_layer(AppState& app, core::LayerPtr layer, core::Diagnostics diagnostics,
                        std::string source, bool is_result,
                        std::shared_ptr<const index::LayerIndex> index) {
  LayerEntry e;
  e.uid = app.next_uid++;
  e.id = unique_id(app, layer->id.empty() ? std::string("layer") : layer->id);
  e.title = layer->title.empty() ? e.id : layer->title;
  e.style = style::default_layer_style(*layer);
  e.diagnostics = std::move(diagnostics);
  e.source = std::move(source);
  e.is_result = is_result;
  e.layer = std::move(layer);
  e.index = std::move(index);
  const std::uint32_t uid = e.uid;
  insert_in_group(app, std::move(e));
  ++app.names_generation;
  return uid;
}

std::uint32_t put_result_layer(AppState& app, core::LayerPtr layer,
                               std::shared_ptr<const index::LayerIndex> index) {
  if (LayerEntry* e = find_layer(app, layer->id)) {
    e->layer = std::move(layer);
    e->index = std::move(index);
    e->title = e->layer->title.empty() ? e->id : e->layer->title;
    ++e->version;
    if (app.selection && app.selection->layer_uid == e->uid) {
      app.selection.reset();
    }
    app.hover.reset();
    ++app.names_generation;
    return e->uid;
  }
  return add_layer(app, std::move(layer), {}, {}, true, std::move(index));
}

std::uint32_t add_raster(AppState& app, std::string id, std::string title,
                         std::shared_ptr<const RasterData> raster, std::string source) {
  LayerEntry e;
  e.uid = app.next_uid++;
  e.id = unique_id(app, id);
  e.title = std::move(title);
  e.raster = std::move(raster);
  e.source = std::move(source);
  const std::uint32_t uid = e.uid;
  insert_in_group(app, std::move(e));
  return uid;
}

LayerEntry* find_layer(AppState& app, std::uint32_t uid) {
  for (LayerEntry& e : app.layers) {
    if (e.uid == uid) {
      return &e;
    }
  }
  return nullptr;
}

LayerEntry* find_layer(AppState& app, std::string_view id) {
  for (LayerEntry& e : app.layers) {
    if (e.id == id) {
      return &e;
    }
  }
  return nullptr;
}

void remove_layer(AppState& app, std::uint32_t uid) {
  std::erase_if(app.layers, [&](const LayerEntry& e) { return e.uid == uid; });
  if (app.selection && app.selection->layer_uid == uid) {
    app.selection.reset();
  }
  if (app.hover && app.hover->layer_uid == uid) {
    app.hover.reset();
  }
}

void move_layer(AppState& app, std::uint32_t uid, int steps) {
  auto it = std::find_if(app.layers.begin(), app.layers.end(),
                         [&](const LayerEntry& e) { return e.uid == uid; });
  if (it == app.layers.end()) {
    return;
  }
  const auto from = static_cast<long>(it - app.layers.begin());
  const long to = std::clamp(from + steps, 0L, static_cast<long>(app.layers.size()) - 1);
  if (to > from) {
    std::rotate(it, it + 1, app.layers.begin() + to + 1);
  } else if (to < from) {
    std::rotate(app.layers.begin() + to, it, it + 1);
  }
}

std::optional<core::Box> layers_bounds(const AppState& app, bool facilities_only) {
  std::optional<core::Box> box;
  for (const LayerEntry& e : app.layers) {
    if (!e.style.visible) {
      continue;
    }
    if (e.raster && !facilities_only) {
      box = core::merge(box, e.raster->bounds);
    }
    if (!e.layer) {
      continue;
    }
    if (facilities_only && !core::is_facility(e.layer->category)) {
      continue;
    }
    box = core::merge(box, e.layer->bounds());
  }
  return box;
}

std::optional<core::Box> fit_bounds(const AppState& app) {
  const std::optional<core::Box> facilities = layers_bounds(app, true);
  if (!facilities) {
    return layers_bounds(app, false);
  }
  std::optional<core::Box> box = facilities;
  for (const LayerEntry& e : app.layers) {
    if (!e.style.visible || !e.layer || e.is_result ||
        e.layer->category != core::Category::boundary) {
      continue;
    }
    for (const core::Feature& f : e.layer->features) {
      const auto* parts = std::get_if<core::MultiPolygon>(&f.geometry);
      if (parts == nullptr) {
        box = core::merge(box, core::envelope(f.geometry));
        continue;
      }
      double largest = 0.0;
      for (const core::Polygon& p : *parts) {
        largest = std::max(largest, std::abs(boost::geometry::area(p)));
      }
      for (const core::Polygon& p : *parts) {
        const auto envelope = boost::geometry::return_envelope<core::Box>(p);
        if (std::abs(boost::geometry::area(p)) >= 0.1 * largest ||
            boost::geometry::intersects(envelope, *facilities)) {
          box = core::merge(box, envelope);
        }
      }
    }
  }
  return box;
}

std::optional<core::XY> selection_position(AppState& app) {
  if (!app.selection) {
    return std::nullopt;
  }
  const LayerEntry* e = find_layer(app, app.selection->layer_uid);
  if (e == nullptr || !e->layer || app.selection->feature.value >= e->layer->size()) {
    return std::nullopt;
  }
  return core::representative_point((*e->layer)[app.selection->feature].geometry);
}

std::vector<std::string> visible_credits(const AppState& app) {
  std::vector<std::string> out;
  auto add = [&](const std::string& c) { core::add_credit(out, c); };
  if (app.basemap.tiles) {
    add(app.basemap.tiles->source().credit);
  }
  for (const LayerEntry& e : app.layers) {
    if (!e.style.visible) {
      continue;
    }
    if (e.raster) {
      add(e.raster->credit);
    }
    if (e.layer) {
      for (const core::SourceRef& s : e.layer->provenance.inputs) {
        add(s.credit);
      }
    }
  }
  return out;
}

void log_message(AppState& app, std::string message) {
  app.log.push_back(std::move(message));
  if (app.log.size() > 200) {
    app.log.erase(app.log.begin(), app.log.begin() + 100);
  }
}

}  // namespace caremap::app
