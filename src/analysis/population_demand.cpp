#include "analysis/population_demand.hpp"

#include <boost/geometry/algorithms/point_on_surface.hpp>
#include <optional>

#include "analysis/cities.hpp"
#include "analysis/diagnose.hpp"
#include "analysis/facility_set.hpp"
#include "analysis/piece_overlay.hpp"
#include "core/area_locator.hpp"
#include "core/error.hpp"
#include "core/parallel_chunks.hpp"

namespace caremap::analysis {

namespace bg = boost::geometry;

namespace {

struct CountFields {
  std::optional<std::size_t> total;  ///< none: 1 per feature
  std::optional<std::size_t> age65;
  std::optional<std::size_t> age75;
};

std::string file_of(const core::Layer& layer) {
  return layer.provenance.inputs.empty() ? std::string() : layer.provenance.inputs[0].path;
}

std::string param_of(const core::Provenance& p, std::string_view key) {
  for (const auto& [k, v] : p.parameters) {
    if (k == key) {
      return v;
    }
  }
  return {};
}

// One feature's people as read from its fields.
struct Counts {
  PeopleCount people;
  bool known = true;
};

Counts read_counts(const core::Layer& layer, const core::Feature& f, const CountFields& fields,
                   core::Diagnostics* diagnostics) {
  Counts c;
  if (!fields.total) {
    c.people.people = 1.0;
    return c;
  }
  auto value = [&](std::size_t field) -> std::optional<double> {
    const core::FieldValue& v = f.values[field];
    if (std::holds_alternative<std::monostate>(v)) {
      return std::nullopt;
    }
    const auto n = core::to_number(v);
    if ((!n || *n < 0.0) && diagnostics) {
      core::Diagnostic d =
          make_diagnostic(core::Severity::warning, "unparsable_count",
                          "'" + core::to_text(v) + "' is not a count of people; taken as 0",
                          file_of(layer), f.source_row);
      d.field = layer.fields[field].name;
      diagnostics->add(std::move(d));
    }
    return n && *n >= 0.0 ? n : std::nullopt;
  };
  const auto total = value(*fields.total);
  c.known = total.has_value();
  c.people.people = total.value_or(0.0);
  if (fields.age65) {
    c.people.people_65plus = value(*fields.age65).value_or(0.0);
  }
  if (fields.age75) {
    c.people.people_75plus = value(*fields.age75).value_or(0.0);
  }
  return c;
}

core::XY inside_position(const core::MultiPolygon& mp) {
  core::XY c{0, 0};
  bg::centroid(mp, c);
  if (!bg::within(c, mp) && !mp.empty()) {
    bg::point_on_surface(mp.front(), c);
  }
  return c;
}

DemandPoint make_point(core::XY position, core::Geometry shape, std::uint32_t city,
                       const PeopleCount& people, double share, std::string label) {
  DemandPoint p;
  p.position = position;
  p.shape = std::move(shape);
  p.city = city;
  p.people = people.people * share;
  p.people_65plus = people.people_65plus * share;
  p.people_75plus = people.people_75plus * share;
  p.label = std::move(label);
  return p;
}

Demand build(const core::Layer& layer, const CountFields& fields, const core::Layer* boundary,
             core::LocalText basis, ApportionReport* report_out, core::Diagnostics* diagnostics) {
  if (boundary) {
    require_same_crs(*boundary, layer);
  }
  Demand demand;
  demand.basis = std::move(basis);
  demand.sources = layer.provenance.inputs;
  demand.has_age_bands = fields.age65 && fields.age75;
  ApportionReport report;
  report.features = layer.size();

  core::Diagnostics local;
  std::vector<City> cities =
      boundary ? read_cities(*boundary, diagnostics ? *diagnostics : local) : std::vector<City>{};
  for (const City& c : cities) {
    demand.cities.push_back(c.name);
  }
  const auto label_field = layer.field_index("mesh_code");
  auto label_of = [&](std::size_t i) {
    return label_field ? core::to_text(layer.features[i].values[*label_field])
                       : layer.display_name(core::FeatureId{static_cast<std::uint32_t>(i)});
  };

  // A census file covers its whole first-level mesh, 80 km square: cells outside every city's
  // box hold nobody of the region and need neither a copy nor an overlay.
  std::optional<core::Box> cities_box;
  for (const City& c : cities) {
    if (!c.geometry.empty()) {
      cities_box = core::merge(cities_box, bg::return_envelope<core::Box>(c.geometry));
    }
  }
  const auto beyond_cities = [&](const core::Geometry& g) {
    if (cities.empty()) {
      return false;
    }
    const auto box = core::envelope(g);  // none without a geometry: reported below
    return box && (!cities_box || !bg::intersects(*box, *cities_box));
  };

  // Polygons and points of the layer, with their people.
  std::vector<core::MultiPolygon> polygons;
  std::vector<std::size_t> polygon_feature;
  std::vector<std::pair<core::XY, std::size_t>> points;
  std::vector<PeopleCount> counts(layer.size());
  for (std::size_t i = 0; i < layer.size(); ++i) {
    const core::Feature& f = layer.features[i];
    const Counts c = read_counts(layer, f, fields, diagnostics);
    report.unknown_counts += c.known ? 0 : 1;
    counts[i] = c.people;
    if (c.people.people <= 0.0) {
      continue;  // nobody lives there: nothing to place
    }
    if (beyond_cities(f.geometry)) {
      continue;
    }
    if (auto mp = core::as_multipolygon(f.geometry); mp && !mp->empty()) {
      polygons.push_back(std::move(*mp));
      polygon_feature.push_back(i);
    } else if (const auto p = core::representative_point(f.geometry)) {
      points.emplace_back(*p, i);
    } else if (diagnostics) {
      diagnostics->add(make_diagnostic(core::Severity::warning, "demand_without_geometry",
                                       "feature " + label_of(i) + " has no geometry; skipped",
                                       file_of(layer), f.source_row));
    }
  }

  if (cities.empty()) {
    for (std::size_t k = 0; k < polygons.size(); ++k) {
      const std::size_t i = polygon_feature[k];
      demand.points.push_back(make_point(inside_position(polygons[k]), polygons[k], kNoCity,
                                         counts[i], 1.0, label_of(i)));
      report.people_in_features += counts[i].people;
    }
    for (const auto& [p, i] : points) {
      demand.points.push_back(make_point(p, p, kNoCity, counts[i], 1.0, label_of(i)));
      report.people_in_features += counts[i].people;
    }
    report.features_used = demand.points.size();
  } else {
    // Points: the first city holding them (no index to build for a layer of cells only).
    std::vector<const core::MultiPolygon*> geometries;
    for (const City& c : cities) {
      geometries.push_back(&c.geometry);
    }
    const std::optional<core::AreaLocator> locator =
        points.empty() ? std::nullopt : std::optional<core::AreaLocator>(std::in_place, geometries);
    for (const auto& [p, i] : points) {
      if (const auto city = locator->area_containing(p)) {
        demand.points.push_back(
            make_point(p, p, static_cast<std::uint32_t>(*city), counts[i], 1.0, label_of(i)));
        ++report.features_used;
        report.people_in_features += counts[i].people;
        report.people_inside += counts[i].people;
      }
    }
    // Polygons: their pieces inside each city, people shared by area.
    std::vector<const core::MultiPolygon*> pieces;
    for (const core::MultiPolygon& mp : polygons) {
      pieces.push_back(&mp);
    }
    const PieceOverlay overlay(pieces);
    // The cities side by side: each indexes its own coastline before its overlays.
    std::vector<std::vector<core::MultiPolygon>> parts(cities.size());  // [city][polygon]
    core::parallel_chunks(cities.size(), 0, [&](std::size_t ci, unsigned) {
      parts[ci] = overlay.clip(cities[ci].geometry);
    });
    for (std::size_t k = 0; k < polygons.size(); ++k) {
      const std::size_t i = polygon_feature[k];
      const double whole = overlay.area(k);
      double inside = 0.0;
      std::size_t cities_met = 0;
      for (std::size_t ci = 0; ci < cities.size(); ++ci) {
        core::MultiPolygon& part = parts[ci][k];
        if (part.empty()) {
          continue;
        }
        const double a = bg::area(part);
        if (!(a > 0.0) || !(whole > 0.0)) {
          continue;
        }
        inside += a;
        ++cities_met;
        const double share = std::min(1.0, a / whole);
        const core::XY position = inside_position(part);
        demand.points.push_back(make_point(position, std::move(part),
                                           static_cast<std::uint32_t>(ci), counts[i], share,
                                           label_of(i)));
        report.people_inside += counts[i].people * share;
      }
      if (cities_met > 0) {
        ++report.features_used;
        report.people_in_features += counts[i].people;
        const double outside = std::max(0.0, 1.0 - inside / whole);
        report.cut_features += (cities_met > 1 || outside > 1e-9) ? 1 : 0;
        report.people_outside += counts[i].people * outside;
      }
    }
  }
  report.pieces = demand.points.size();
  if (report_out) {
    *report_out = report;
  }
  return demand;
}

std::size_t require_count_field(const core::Layer& layer, std::string_view name,
                                const std::string& hint) {
  if (const auto i = layer.field_index(name)) {
    return *i;
  }
  std::string list;
  for (const auto& f : layer.fields) {
    list += (list.empty() ? "" : ", ") + f.name;
  }
  core::ErrorContext ctx;
  ctx.file = file_of(layer);
  ctx.layer = layer.id;
  ctx.field = std::string(name);
  throw core::InputError("layer '" + layer.id + "' has no field '" + std::string(name) + "'" +
                             hint + " (fields: " + list + ")",
                         ctx);
}

}  // namespace

Demand population_demand(const core::Layer& population, const core::Layer* boundary,
                         ApportionReport* report, core::Diagnostics* diagnostics) {
  CountFields fields;
  fields.total = require_count_field(population, "pop_total",
                                     "; name the count field of a population layer (count_field)");
  fields.age65 = population.field_index("pop_65plus");
  fields.age75 = population.field_index("pop_75plus");
  return build(population, fields, boundary, population_basis(population), report, diagnostics);
}

Demand counted_demand(const core::Layer& layer, std::string_view count_field,
                      const core::Layer* boundary, ApportionReport* report,
                      core::Diagnostics* diagnostics) {
  CountFields fields;
  if (!count_field.empty()) {
    fields.total = require_count_field(layer, count_field, "");
  }
  const std::string& title = layer.title.empty() ? layer.id : layer.title;
  return build(layer, fields, boundary, core::LocalText{title + "の人数", "counts of " + title},
               report, diagnostics);
}

core::LocalText population_basis(const core::Layer& population) {
  const core::Provenance& p = population.provenance;
  const std::string date = p.inputs.empty() ? std::string() : p.inputs.front().data_date;
  const std::string year = date.size() >= 4 ? date.substr(0, 4) : std::string();
  if (param_of(p, "format") == "e-Stat mesh statistics") {
    std::string mesh = param_of(p, "mesh");
    std::string mesh_en = mesh;
    if (mesh.ends_with("km")) {
      mesh_en = mesh.substr(0, mesh.size() - 2) + " km";
    } else if (mesh.ends_with("m")) {
      mesh_en = mesh.substr(0, mesh.size() - 1) + " m";
    }
    return {(year.empty() ? "" : year + "年") + "国勢調査 " + mesh + "メッシュ人口（面積按分）",
            (year.empty() ? "" : year + " ") + "census " + mesh_en +
                " mesh population (apportioned by area)"};
  }
  const std::string& title = population.title.empty() ? population.id : population.title;
  return {"人口（" + title + "、面積按分）", "population (" + title + ", apportioned by area)"};
}

core::LocalText area_only_basis() {
  return {"面積のみ（人口データなし）", "area only (no population data)"};
}

std::vector<PeopleCount> people_by_city(const Demand& demand) {
  std::vector<PeopleCount> out(demand.cities.size());
  for (const DemandPoint& p : demand.points) {
    if (p.city < out.size()) {
      out[p.city] += people_of(p);
    }
  }
  return out;
}

}  // namespace caremap::analysis
