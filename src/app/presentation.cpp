#include "app/presentation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/facility_layers.hpp"
#include "app/modules/coverage/coverage_module.hpp"
#include "core/error.hpp"
#include "crs/transformer.hpp"

namespace caremap::app {

namespace {

bool has_extent(const io::SavedView& v) {
  return v.extent.width_deg() > 0.0 && v.extent.height_deg() > 0.0;
}

bool listed(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The view's extent in the working CRS: the box of its four corners projected.
std::optional<core::Box> working_box(AppState& app, const crs::GeoBox& g) {
  if (!app.lonlat) {
    return std::nullopt;
  }
  core::Box box;
  bool first = true;
  for (const core::LonLat& p :
       {g.south_west, g.north_east, core::LonLat{g.south_west.lon, g.north_east.lat},
        core::LonLat{g.north_east.lon, g.south_west.lat}}) {
    const core::XY xy = app.lonlat->forward(p);
    if (first) {
      box = core::Box(xy, xy);
      first = false;
    } else {
      box.min_corner().x = std::min(box.min_corner().x, xy.x);
      box.min_corner().y = std::min(box.min_corner().y, xy.y);
      box.max_corner().x = std::max(box.max_corner().x, xy.x);
      box.max_corner().y = std::max(box.max_corner().y, xy.y);
    }
  }
  return box;
}

}  // namespace

io::SavedView capture_view(AppState& app, const ViewState& view, std::string title) {
  io::SavedView v;
  v.title = std::move(title);
  if (app.lonlat && view.camera_ready) {
    const core::Box b = view.camera.visible_box();
    crs::Transformer& t = *app.lonlat;
    bool first = true;
    for (const core::XY& p :
         {b.min_corner(), b.max_corner(), core::XY{b.min_corner().x, b.max_corner().y},
          core::XY{b.max_corner().x, b.min_corner().y}}) {
      const core::LonLat ll = t.inverse(p);
      if (first) {
        v.extent = crs::GeoBox::of(ll);
        first = false;
      } else {
        v.extent.expand(ll);
      }
    }
  }
  for (const LayerEntry& e : app.layers) {
    if (e.style.visible) {
      v.layers.push_back(e.id);
    }
  }
  const CoverageState& c = coverage_state(app);
  const bool coverage_shown =
      std::any_of(v.layers.begin(), v.layers.end(), [](const std::string& id) {
        return id == CoverageModule::kCovered || id == CoverageModule::kGap ||
               id == CoverageModule::kMesh;
      });
  if (coverage_shown && !c.cities.empty()) {
    io::ViewCoverage cov;
    cov.category = c.category;
    if (c.radius_from_user) {
      cov.radius_m = static_cast<double>(c.radius_m);
    }
    v.coverage = cov;
  }
  return v;
}

std::size_t add_view(AppState& app, const ViewState& view) {
  char title[64];
  std::snprintf(title, sizeof title, tr(app.lang, Str::views_new_title),
                static_cast<int>(app.views.size() + 1));
  app.views.push_back(capture_view(app, view, title));
  ++app.names_generation;
  return app.views.size() - 1;
}

void rename_view(AppState& app, std::size_t i, std::string title) {
  if (i < app.views.size()) {
    app.views[i].title = std::move(title);
    ++app.names_generation;
  }
}

void remove_view(AppState& app, std::size_t i) {
  if (i < app.views.size()) {
    app.views.erase(app.views.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

void move_view(AppState& app, std::size_t i, int steps) {
  if (i >= app.views.size()) {
    return;
  }
  const auto last = static_cast<std::ptrdiff_t>(app.views.size()) - 1;
  const std::ptrdiff_t to =
      std::clamp(static_cast<std::ptrdiff_t>(i) + steps, std::ptrdiff_t{0}, last);
  io::SavedView v = std::move(app.views[i]);
  app.views.erase(app.views.begin() + static_cast<std::ptrdiff_t>(i));
  app.views.insert(app.views.begin() + to, std::move(v));
}

void save_views(const AppState& app) {
  if (app.project_file.empty()) {
    throw core::ArgumentError(tr(app.lang, Str::views_no_project));
  }
  io::write_project_views(app.project_file, app.views);
}

std::vector<io::SavedView> slides(const AppState& app) {
  if (!app.views.empty()) {
    return app.views;
  }
  io::SavedView current;
  current.title = app.region_name;
  return {current};
}

void apply_view(AppState& app, ViewState& view, const io::SavedView& v) {
  if (has_extent(v)) {
    if (const auto box = working_box(app, v.extent)) {
      view.fit_request = box;
    }
  }
  view.presentation.layers = v.layers;
  if (!v.layers.empty()) {
    for (LayerEntry& e : app.layers) {
      e.style.visible = listed(v.layers, e.id);
    }
  }
  if (v.coverage) {
    CoverageState& c = coverage_state(app);
    const bool same = !c.cities.empty() && c.category == v.coverage->category &&
                      c.radius_from_user == v.coverage->radius_m.has_value() &&
                      (!v.coverage->radius_m ||
                       std::abs(c.radius_m - static_cast<float>(*v.coverage->radius_m)) < 0.5f);
    if (!same) {
      c.category = v.coverage->category;
      c.radius_from_user = v.coverage->radius_m.has_value();
      c.radius_m = static_cast<float>(
          v.coverage->radius_m.value_or(coverage_radius_for(app, v.coverage->category).value));
      start_coverage(app);
    }
  }
}

void start_presentation(AppState& app, ViewState& view, int slide) {
  const auto all = slides(app);
  view.presentation.active = true;
  view.presentation.slide = std::clamp(slide, 0, static_cast<int>(all.size()) - 1);
  apply_view(app, view, all[static_cast<std::size_t>(view.presentation.slide)]);
}

void step_slide(AppState& app, ViewState& view, int delta) {
  const auto all = slides(app);
  const int to = std::clamp(view.presentation.slide + delta, 0, static_cast<int>(all.size()) - 1);
  if (to != view.presentation.slide) {
    view.presentation.slide = to;
    apply_view(app, view, all[static_cast<std::size_t>(to)]);
  }
}

void stop_presentation(ViewState& view) {
  view.presentation.active = false;
  view.presentation.layers.clear();
}

void keep_slide_layers(AppState& app, const ViewState& view) {
  const PresentationState& p = view.presentation;
  if (!p.active || p.layers.empty()) {
    return;
  }
  for (LayerEntry& e : app.layers) {
    const bool shown = listed(p.layers, e.id);
    if (e.style.visible != shown) {
      e.style.visible = shown;
    }
  }
}

}  // namespace caremap::app
