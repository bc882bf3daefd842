#include "analysis/people_in_areas.hpp"

#include <algorithm>
#include <iterator>

#include "analysis/polygon_union.hpp"
#include "core/area_locator.hpp"

namespace caremap::analysis {

namespace bg = boost::geometry;

PeopleLocator::PeopleLocator(const Demand& demand) : m_demand(demand) {
  for (std::size_t i = 0; i < demand.points.size(); ++i) {
    auto mp = core::as_multipolygon(demand.points[i].shape);
    if (mp && !mp->empty()) {
      m_shapes.push_back(std::move(*mp));
      m_shape_point.push_back(i);
    } else {
      m_point_points.push_back(i);
    }
  }
  std::vector<const core::MultiPolygon*> pieces;
  pieces.reserve(m_shapes.size());
  for (const core::MultiPolygon& mp : m_shapes) {
    pieces.push_back(&mp);
  }
  m_overlay = std::make_unique<PieceOverlay>(std::move(pieces));
}

std::vector<double> PeopleLocator::shares_inside(const core::MultiPolygon& area) const {
  std::vector<double> share(m_demand.points.size(), 0.0);
  const std::vector<double> inside = m_overlay->areas_inside(area);
  for (std::size_t k = 0; k < inside.size(); ++k) {
    const double whole = m_overlay->area(k);
    share[m_shape_point[k]] = whole > 0.0 ? std::min(1.0, inside[k] / whole) : 0.0;
  }
  if (!m_point_points.empty()) {
    const core::MultiPolygon* one[] = {&area};
    const core::AreaLocator locator(one);
    for (const std::size_t i : m_point_points) {
      share[i] = locator.area_containing(m_demand.points[i].position) ? 1.0 : 0.0;
    }
  }
  return share;
}

std::vector<PeopleCount> PeopleLocator::inside_by_city(const core::MultiPolygon& area) const {
  std::vector<PeopleCount> out(m_demand.cities.size());
  const std::vector<double> share = shares_inside(area);
  for (std::size_t i = 0; i < share.size(); ++i) {
    const DemandPoint& p = m_demand.points[i];
    if (p.city < out.size() && share[i] > 0.0) {
      out[p.city].people += p.people * share[i];
      out[p.city].people_65plus += p.people_65plus * share[i];
      out[p.city].people_75plus += p.people_75plus * share[i];
    }
  }
  return out;
}

PeopleCount PeopleLocator::inside(const core::MultiPolygon& area) const {
  PeopleCount out;
  const std::vector<double> share = shares_inside(area);
  for (std::size_t i = 0; i < share.size(); ++i) {
    const DemandPoint& p = m_demand.points[i];
    out.people += p.people * share[i];
    out.people_65plus += p.people_65plus * share[i];
    out.people_75plus += p.people_75plus * share[i];
  }
  return out;
}

void add_people_fields(core::Layer& areas, const PeopleLocator& people) {
  const bool ages = people.demand().has_age_bands;
  const std::size_t f_people = areas.add_field("people", core::FieldType::real);
  std::optional<std::size_t> f65;
  std::optional<std::size_t> f75;
  if (ages) {
    f65 = areas.add_field("people_65plus", core::FieldType::real);
    f75 = areas.add_field("people_75plus", core::FieldType::real);
  }
  for (core::Feature& f : areas.features) {
    const auto mp = core::as_multipolygon(f.geometry);
    if (!mp) {
      continue;
    }
    const PeopleCount c = people.inside(*mp);
    f.values[f_people] = c.people;
    if (ages) {
      f.values[*f65] = c.people_65plus;
      f.values[*f75] = c.people_75plus;
    }
  }
}

std::vector<BandPeople> people_per_band(const core::Layer& areas, const PeopleLocator& people) {
  std::optional<std::size_t> field = areas.field_index("band_min");
  if (!field) {
    field = areas.field_index("band_m");
  }
  if (!field) {
    return {};
  }
  std::vector<BandPeople> out;
  std::vector<std::vector<core::MultiPolygon>> parts;
  for (std::size_t i = 0; i < areas.features.size(); ++i) {
    const core::Feature& f = areas.features[i];
    const std::optional<double> band = core::to_number(f.values[*field]);
    if (!band) {
      continue;
    }
    auto it =
        std::find_if(out.begin(), out.end(), [&](const BandPeople& b) { return b.band == *band; });
    if (it == out.end()) {
      out.push_back(BandPeople{i, *band, {}});
      parts.emplace_back();
      it = std::prev(out.end());
    }
    if (auto mp = core::as_multipolygon(f.geometry)) {
      parts[static_cast<std::size_t>(it - out.begin())].push_back(std::move(*mp));
    }
  }
  for (std::size_t b = 0; b < out.size(); ++b) {
    out[b].people = people.inside(cascaded_union(std::move(parts[b])));
  }
  return out;
}

}  // namespace caremap::analysis
