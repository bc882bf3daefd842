#include "app/analysis_jobs.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>

#include "analysis/coverage.hpp"
#include "analysis/facility_set.hpp"
#include "analysis/nearest.hpp"
#include "app/category_title.hpp"
#include "app/facility_layers.hpp"
#include "app/hasher.hpp"
#include "crs/transformer.hpp"

namespace caremap::app {

namespace {

const char* kNearestId = "nearest";
const char* kCoveredId = "coverage_area";
const char* kGapId = "coverage_gap";
const char* kMeshId = "coverage_mesh";

}  // namespace

const std::vector<core::Category>& facility_categories(AppState& app) {
  Hasher key;
  for (const LayerEntry& e : app.layers) {
    if (e.layer && !e.is_result) {
      key.value(render_key(e));
    }
  }
  if (app.cached_facility_key == key.digest()) {
    return app.cached_facility_categories;
  }
  std::set<core::Category> present;
  for (const LayerEntry& e : app.layers) {
    if (!e.layer || e.is_result) {
      continue;
    }
    for (const core::Feature& f : e.layer->features) {
      const core::Category c = analysis::effective_category(*e.layer, f);
      if (core::is_facility(c)) {
        present.insert(c);
      }
    }
  }
  app.cached_facility_categories.assign(present.begin(), present.end());
  app.cached_facility_key = key.digest();
  return app.cached_facility_categories;
}

void start_nearest(AppState& app, core::XY origin) {
  app.nearest.origin = origin;
  app.nearest.rows.clear();
  const std::vector<core::LayerPtr> layers = facility_layers(app);
  const std::vector<core::Category>& categories = facility_categories(app);
  const std::size_t k = static_cast<std::size_t>(std::clamp(app.nearest.k, 1, 10));
  app.jobs.submit(
      "nearest",
      [layers, categories, k, origin](core::Progress& progress) -> Completion {
        auto links = std::make_shared<core::Layer>();
        std::vector<NearestRow> rows;
        for (std::size_t i = 0; i < categories.size(); ++i) {
          analysis::NearestParams params;
          // A backup hospital is also a hospital; list it under its own category only.
          params.categories = {categories[i]};
          params.k = k;
          analysis::NearestResult r = analysis::nearest(origin, layers, params, &progress);
          for (const analysis::NearestRow& row : r.rows) {
            const analysis::NearestFacility& f = r.facilities[row.facility];
            rows.push_back(
                NearestRow{categories[i], row.rank, f.name, row.distance.value, f.position});
          }
          if (links->features.empty() && links->fields.empty()) {
            *links = std::move(r.links);
          } else {
            for (core::Feature& f : r.links.features) {
              links->features.push_back(std::move(f));
            }
          }
          core::report_progress(&progress, static_cast<double>(i + 1) / categories.size());
        }
        links->id = kNearestId;
        links->title = "最寄り施設";
        links->category = core::Category::nearest_link;
        return [links, rows = std::move(rows)](AppState& app) {
          app.nearest.rows = rows;
          put_result_layer(app, links);
        };
      },
      "nearest");
}

void start_coverage(AppState& app) {
  const core::Category category = app.coverage.category;
  const std::optional<double> radius =
      app.coverage.radius_from_user ? std::optional<double>(app.coverage.radius_m) : std::nullopt;
  const bool mesh = app.coverage.mesh;
  core::LayerPtr boundary;
  for (const LayerEntry& e : app.layers) {
    if (e.layer && e.layer->category == core::Category::boundary) {
      boundary = e.layer;
      break;
    }
  }
  if (!boundary || !app.lonlat) {
    log_message(app, "coverage: no boundary layer");
    return;
  }
  const std::vector<analysis::CoverageSource> sources = coverage_sources(app);
  // The job's own Transformer: PROJ objects are per thread.
  const auto projector = std::make_shared<crs::Transformer>(app.lonlat->clone());
  app.jobs.submit(
      "coverage",
      [sources, boundary, projector, category, radius,
       mesh](core::Progress& progress) -> Completion {
        analysis::CoverageParams params;
        params.categories = {category};
        if (radius) {
          params.radius = core::Meters{*radius};
        }
        params.mesh_level = mesh ? std::optional(core::MeshLevel::half) : std::nullopt;
        params.backup_area = true;
        params.explode_gaps = false;
        params.circle_segments = 180;
        const auto start = std::chrono::steady_clock::now();
        analysis::CoverageResult r =
            analysis::coverage(sources, *boundary, *projector, params, &progress);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        auto covered = std::make_shared<core::Layer>(std::move(r.covered));
        covered->id = kCoveredId;
        covered->title = "カバー圏";
        auto gaps = std::make_shared<core::Layer>(std::move(r.gaps));
        gaps->id = kGapId;
        gaps->title = "空白地域";
        std::shared_ptr<core::Layer> mesh_layer;
        if (mesh) {
          mesh_layer = std::make_shared<core::Layer>(std::move(r.mesh));
          mesh_layer->id = kMeshId;
          mesh_layer->title = "冗長性メッシュ (500m)";
        }
        std::vector<CityCoverageRow> cities;
        for (const analysis::CityCoverage& c : r.cities) {
          cities.push_back(CityCoverageRow{c.city, c.city_km2, c.covered_km2, c.covered_pct,
                                           c.backup_km2, c.backup_pct});
        }
        const std::size_t facilities = r.summary.facilities;
        // The radii used: the user's, or each layer's (one value unless project radii differ).
        const double r_min = r.summary.min_radius.value;
        const double r_max = r.summary.max_radius.value;
        return [=](AppState& app) {
          app.coverage.cities = cities;
          app.coverage.facilities = facilities;
          app.coverage.seconds = seconds;
          char label[96];
          const std::string what = category_title(category, app.lang);
          if (r_max > r_min) {
            std::snprintf(label, sizeof label, "%s %.0f–%.0f m", what.c_str(), r_min, r_max);
          } else {
            std::snprintf(label, sizeof label, "%s %.0f m", what.c_str(), r_max);
          }
          app.coverage.computed_for = label;
          if (mesh_layer) {
            put_result_layer(app, mesh_layer);
          } else if (LayerEntry* e = find_layer(app, kMeshId)) {
            remove_layer(app, e->uid);
          }
          const bool new_covered = find_layer(app, kCoveredId) == nullptr;
          put_result_layer(app, covered);
          put_result_layer(app, gaps);
          // With the mesh on, the mesh already shows reach; the covered fill would muddy it.
          if (new_covered && mesh_layer) {
            find_layer(app, kCoveredId)->style.visible = false;
          }
        };
      },
      "coverage");
}

void clear_analysis(AppState& app) {
  for (const char* id : {kNearestId, kCoveredId, kGapId, kMeshId}) {
    if (LayerEntry* e = find_layer(app, id)) {
      remove_layer(app, e->uid);
    }
  }
  app.nearest.rows.clear();
  app.nearest.origin.reset();
  app.coverage.cities.clear();
  app.coverage.computed_for.clear();
}

}  // namespace caremap::app
