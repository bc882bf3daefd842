#include "app/modules/coverage/coverage_module.hpp"

#include <chrono>
#include <cstdio>

#include "analysis/coverage.hpp"
#include "app/category_title.hpp"
#include "app/facility_layers.hpp"
#include "app/modules/analysis_job.hpp"
#include "app/modules/module_access.hpp"
#include "app/people_source.hpp"
#include "core/number_format.hpp"
#include "crs/transformer.hpp"

namespace caremap::app {

CoverageState& coverage_state(AppState& app) {
  return find_module<CoverageModule>(app).state;
}

const char* CoverageModule::title(core::Lang lang) const {
  return tr(lang, Str::analysis_coverage);
}

void CoverageModule::clear(AppState& app) {
  for (const char* id : {kCovered, kGap, kMesh}) {
    remove_result_layer(app, id);
  }
  state.cities.clear();
  state.total.reset();
  state.computed_for.clear();
}

namespace {

std::optional<CityPeopleRow> people_row(const std::optional<analysis::PeopleCoverage>& p) {
  if (!p) {
    return std::nullopt;
  }
  return CityPeopleRow{p->total.people, core::percent(p->covered.people, p->total.people),
                       p->total.people_75plus,
                       core::percent(p->covered.people_75plus, p->total.people_75plus),
                       core::percent(p->backup.people, p->total.people)};
}

}  // namespace

void start_coverage(AppState& app) {
  const CoverageState& s = coverage_state(app);
  const core::Category category = s.category;
  const std::optional<double> radius =
      s.radius_from_user ? std::optional<double>(s.radius_m) : std::nullopt;
  const bool mesh = s.mesh;
  // The same boundary the people are apportioned to (people_source).
  const core::LayerPtr boundary = first_source_layer(app, core::Category::boundary);
  if (!boundary || !app.lonlat) {
    log_message(app, "coverage: no boundary layer");
    return;
  }
  const std::vector<analysis::CoverageSource> sources = coverage_sources(app);
  const PeopleSource people = people_source(app);
  // The job's own Transformer: PROJ objects are per thread.
  const auto projector = std::make_shared<crs::Transformer>(app.lonlat->clone());
  const std::string what = category_title(category, app.lang);
  AnalysisJob job;
  job.key = CoverageModule::kJob;
  job.label = "coverage";
  job.work = [sources, boundary, projector, category, radius, mesh, what,
              people](core::Progress& progress) {
    const std::shared_ptr<const analysis::Demand> demand = people.demand();
    analysis::CoverageParams params;
    params.demand = demand.get();
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
    covered->id = CoverageModule::kCovered;
    covered->title = "カバー圏";
    auto gaps = std::make_shared<core::Layer>(std::move(r.gaps));
    gaps->id = CoverageModule::kGap;
    gaps->title = "空白地域";
    std::vector<CityCoverageRow> cities;
    for (const analysis::CityCoverage& c : r.cities) {
      cities.push_back(CityCoverageRow{c.city, c.city_km2, c.covered_km2, c.covered_pct,
                                       c.backup_km2, c.backup_pct, people_row(c.people)});
    }
    const analysis::CoverageSummary& sum = r.summary;
    const CityCoverageRow total{"",
                                sum.city_km2,
                                sum.covered_km2,
                                sum.covered_pct,
                                sum.backup_km2,
                                sum.backup_pct,
                                people_row(sum.people)};
    const core::LocalText demand_basis = r.covered.provenance.basis.demand;
    // The radii used: the user's, or each layer's (one value unless project radii differ).
    const double r_min = r.summary.min_radius.value;
    const double r_max = r.summary.max_radius.value;
    char label[96];
    if (r_max > r_min) {
      std::snprintf(label, sizeof label, "%s %.0f–%.0f m", what.c_str(), r_min, r_max);
    } else {
      std::snprintf(label, sizeof label, "%s %.0f m", what.c_str(), r_max);
    }
    AnalysisResult result;
    result.apply = [cities, total, demand_basis, facilities = r.summary.facilities, seconds,
                    computed_for = std::string(label)](AppState& app) {
      CoverageState& s = coverage_state(app);
      s.cities = cities;
      s.total = total;
      s.demand_basis = demand_basis;
      s.facilities = facilities;
      s.seconds = seconds;
      s.computed_for = computed_for;
    };
    if (mesh) {
      auto mesh_layer = std::make_shared<core::Layer>(std::move(r.mesh));
      mesh_layer->id = CoverageModule::kMesh;
      mesh_layer->title = "冗長性メッシュ (500m)";
      result.layers.push_back(mesh_layer);
    } else {
      result.removed.emplace_back(CoverageModule::kMesh);
    }
    result.layers.push_back(covered);
    result.layers.push_back(gaps);
    // With the mesh on, the mesh already shows reach; the covered fill would muddy it. Only a
    // new entry gets this default: a user's later choice stays.
    auto fresh = std::make_shared<bool>(false);
    result.apply = [apply = result.apply, fresh](AppState& app) {
      apply(app);
      *fresh = find_layer(app, CoverageModule::kCovered) == nullptr;
    };
    result.styled = [fresh, mesh](AppState& app) {
      if (mesh && *fresh) {
        find_layer(app, CoverageModule::kCovered)->style.visible = false;
      }
    };
    return result;
  };
  submit_analysis(app, std::move(job));
}

}  // namespace caremap::app
