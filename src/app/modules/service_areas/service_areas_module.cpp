#include "app/modules/service_areas/service_areas_module.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "analysis/people_in_areas.hpp"
#include "analysis/service_area.hpp"
#include "app/category_title.hpp"
#include "app/facility_layers.hpp"
#include "app/modules/analysis_job.hpp"
#include "app/modules/module_access.hpp"
#include "app/network_jobs.hpp"
#include "app/people_source.hpp"
#include "app/shared_overlay.hpp"
#include "core/argument_parsing.hpp"
#include "core/error.hpp"
#include "routing/road_network.hpp"

namespace caremap::app {

ServiceAreasState& service_area_state(AppState& app) {
  return find_module<ServiceAreasModule>(app).state;
}

const char* ServiceAreasModule::title(core::Lang lang) const {
  return tr(lang, Str::net_sa_title);
}

void ServiceAreasModule::picked(AppState& app, core::XY at) {
  state.picking = false;
  state.origin = at;
  state.source = ServiceAreaSource::clicked_point;
  start_service_area(app);
}

void ServiceAreasModule::network_changed(AppState& app) {
  if (state.requested) {
    start_service_area(app);
  }
}

void ServiceAreasModule::clear(AppState& app) {
  remove_result_layer(app, kLayer);
  state.origin.reset();
  state.requested = false;
  state.bands_result.clear();
  state.note.clear();
}

std::optional<OriginMarker> ServiceAreasModule::marker() const {
  if (!state.origin) {
    return std::nullopt;
  }
  return OriginMarker{*state.origin, style::rgb(0x081d58)};
}

namespace {

// The per-band figures and the nearest-darkest ramp of a service-area result.
std::vector<BandArea> band_figures(const core::Layer& areas, const std::vector<double>& minutes) {
  const auto band_field = areas.field_index("band_min");
  const auto km2_field = areas.field_index("area_km2");
  std::map<double, BandArea> per_band;
  for (double m : minutes) {
    per_band[m].band_min = m;
  }
  for (const core::Feature& f : areas.features) {
    const double band = band_field ? core::to_number(f.values[*band_field]).value_or(0.0) : 0.0;
    BandArea& b = per_band[band];
    b.band_min = band;
    b.area_km2 += km2_field ? core::to_number(f.values[*km2_field]).value_or(0.0) : 0.0;
    ++b.polygons;
  }
  std::vector<BandArea> figures;
  for (const auto& [m, b] : per_band) {
    figures.push_back(b);
  }
  return figures;
}

style::Ramp band_ramp(const std::vector<double>& minutes, bool rings) {
  // One class per band on the sequential ramp, nearest darkest; legend keys "min:0-5".
  style::Ramp ramp;
  ramp.field = "band_min";
  ramp.colours = style::sequential_ramp(minutes.size(), kBandAlpha);
  for (std::size_t i = 0; i + 1 < minutes.size(); ++i) {
    ramp.breaks.push_back((minutes[i] + minutes[i + 1]) / 2.0);
  }
  // Disks hold everything within their band; rings only what lies past the last one.
  for (std::size_t i = 0; i < minutes.size(); ++i) {
    char key[48];
    std::snprintf(key, sizeof key, "min:%g-%g", rings && i > 0 ? minutes[i - 1] : 0.0, minutes[i]);
    ramp.labels.emplace_back(key);
  }
  return ramp;
}

}  // namespace

void start_service_area(AppState& app) {
  ServiceAreasState& s = service_area_state(app);
  s.note.clear();
  const LoadedNetwork* net = current_network(app.network);
  if (net == nullptr) {
    s.note = tr(app.lang, Str::net_disabled_no_network);
    return;
  }
  const auto bands = parse_band_minutes(s.bands);
  if (!bands) {
    s.note = tr(app.lang, Str::net_bands_invalid);
    return;
  }
  std::vector<core::LayerPtr> sources;
  std::vector<core::XY> origins;
  std::vector<core::Category> categories;
  std::string what;
  switch (s.source) {
    case ServiceAreaSource::clicked_point:
      if (!s.origin) {
        s.note = tr(app.lang, Str::net_sa_needs_point);
        return;
      }
      origins.push_back(*s.origin);
      what = tr(app.lang, Str::net_clicked_point);
      break;
    case ServiceAreaSource::selected_facility: {
      LayerEntry* e = app.selection ? find_layer(app, app.selection->layer_uid) : nullptr;
      if (e == nullptr || !e->layer || !core::is_facility(e->layer->category)) {
        s.note = tr(app.lang, Str::net_sa_needs_selection);
        return;
      }
      // The selected feature alone, with its layer's schema (names, ids in the result).
      auto one = std::make_shared<core::Layer>(*e->layer);
      one->features = {(*e->layer)[app.selection->feature]};
      what = e->layer->display_name(app.selection->feature);
      sources.push_back(one);
      break;
    }
    case ServiceAreaSource::category:
      sources = facility_layers(app);
      if (const auto& present = facility_categories(app);
          !present.empty() &&
          std::find(present.begin(), present.end(), s.category) == present.end()) {
        s.category = present.front();
      }
      categories = {s.category};
      what = category_title(s.category, app.lang);
      if (sources.empty()) {
        s.note = tr(app.lang, Str::net_no_facilities);
        return;
      }
      break;
  }
  s.requested = true;
  analysis::ServiceAreaParams params;
  for (double m : *bands) {
    params.time_bands.push_back(core::Seconds{m * 60.0});
  }
  params.mode = static_cast<analysis::ServiceAreaMode>(std::clamp(s.mode, 0, 2));
  params.shape = static_cast<analysis::BandShape>(std::clamp(s.shape, 0, 1));
  params.direction = analysis::TravelDirection::from_facility;
  params.categories = categories;
  params.threads = 0;
  const auto network = net->network;
  const std::shared_ptr<SharedOverlay> shared = current_overlay(app);
  const std::string crs = app.working_crs;
  const std::vector<double> minutes = *bands;
  const std::string title = std::string(tr(app.lang, Str::net_sa_layer)) + " · " + what;
  const std::string no_facilities = tr(app.lang, Str::net_no_facilities);
  const PeopleSource people = people_source(app);
  AnalysisJob job;
  job.key = ServiceAreasModule::kJob;
  job.label = "service area";
  job.current = same_network(app);
  job.work = [=](core::Progress& progress) {
    const routing::Overlay* overlay = shared->get();
    analysis::ServiceAreaResult r =
        origins.empty() ? analysis::service_area(*network, sources, params, overlay, &progress)
                        : analysis::service_area(*network, std::span<const core::XY>(origins),
                                                 params, overlay, &progress);
    auto areas = std::make_shared<core::Layer>(std::move(r.areas));
    const auto band_field = areas->field_index("band_min");
    auto band_of = [&](const core::Feature& f) {
      return band_field ? core::to_number(f.values[*band_field]).value_or(0.0) : 0.0;
    };
    // Nested disks: the largest band first, so every smaller one stays visible on top.
    std::stable_sort(
        areas->features.begin(), areas->features.end(),
        [&](const core::Feature& a, const core::Feature& b) { return band_of(a) > band_of(b); });
    areas->id = ServiceAreasModule::kLayer;
    areas->title = title;
    areas->category = core::Category::service_area;
    areas->crs = crs;
    std::vector<BandArea> figures = band_figures(*areas, minutes);
    core::LocalText demand_basis;
    if (const std::shared_ptr<const analysis::Demand> demand = people.demand()) {
      // People once per band however many facilities reach them, and per polygon for the
      // inspector.
      const analysis::PeopleLocator locator(*demand);
      for (const analysis::BandPeople& b : analysis::people_per_band(*areas, locator)) {
        for (BandArea& f : figures) {
          if (f.band_min == b.band) {
            f.people = b.people.people;
            f.people_75plus = b.people.people_75plus;
          }
        }
      }
      analysis::add_people_fields(*areas, locator);
      demand_basis = demand->basis;
    }
    AnalysisResult result;
    result.apply = [figures, demand_basis, facilities = r.facilities.size(),
                    no_facilities](AppState& app) {
      ServiceAreasState& s = service_area_state(app);
      s.bands_result = figures;
      s.demand_basis = demand_basis;
      s.note = facilities == 0 ? no_facilities : std::string();
    };
    result.layers = {areas};
    result.styled =
        [ramp = band_ramp(minutes, params.shape == analysis::BandShape::rings)](AppState& app) {
          find_layer(app, ServiceAreasModule::kLayer)->style.ramp = ramp;
        };
    return result;
  };
  submit_analysis(app, std::move(job));
}

std::optional<std::vector<double>> parse_band_minutes(std::string_view text) {
  std::vector<core::Seconds> bands;
  try {
    bands = core::parse_duration_list(text, "bands", core::Seconds{60.0});
  } catch (const core::ArgumentError&) {
    return std::nullopt;
  }
  if (bands.empty() || bands.size() > 8 || bands.back().value > 24 * 3600.0) {
    return std::nullopt;
  }
  std::vector<double> minutes;
  for (const core::Seconds& b : bands) {
    minutes.push_back(b.value / 60.0);
  }
  return minutes;
}

}  // namespace caremap::app
