#include "analysis/access_leg_lines.hpp"

#include <boost/geometry.hpp>
#include <string>

namespace caremap::analysis {

core::Layer access_leg_lines(const NearestByTimeResult& r, const core::Layer& demand,
                             TravelDirection direction, bool include_direct) {
  core::Layer out;
  out.id = r.routes.id + "_access_legs";
  out.title = "access legs";
  out.category = core::Category::route;
  out.crs = r.routes.crs;
  out.fields = {{"demand_name", core::FieldType::text},
                {"facility_name", core::FieldType::text},
                {"rank", core::FieldType::integer},
                {"leg", core::FieldType::text},
                {"straight_m", core::FieldType::real}};
  out.name_field = 1;
  out.provenance = r.routes.provenance;
  out.provenance.operation = "access_legs";
  // The routes layer holds one feature per row, in the rows' order.
  for (std::size_t i = 0; i < r.rows.size() && i < r.routes.features.size(); ++i) {
    const NearestByTimeRow& row = r.rows[i];
    const auto* route = std::get_if<core::LineString>(&r.routes.features[i].geometry);
    if (route == nullptr || route->size() < 2) {
      continue;
    }
    const std::string demand_name = demand.display_name(row.demand);
    const NetworkSite& facility = r.facilities[row.facility];
    const auto add = [&](core::XY a, core::XY b, const char* leg) {
      const double m = boost::geometry::distance(a, b);
      if (m < kMinAccessLegM) {
        return;
      }
      core::Feature f;
      f.geometry = core::LineString{a, b};
      f.category = core::Category::route;
      f.source_row = r.routes.features[i].source_row;
      f.values = {demand_name, facility.name, std::int64_t{row.rank}, std::string(leg), m};
      out.features.push_back(std::move(f));
    };
    if (row.direct) {
      if (include_direct) {
        add(route->front(), route->back(), "direct");
      }
      continue;
    }
    const std::optional<core::XY> place = core::representative_point(demand[row.demand].geometry);
    if (!place) {
      continue;
    }
    const bool to_facility = direction == TravelDirection::to_facility;
    const core::XY start = to_facility ? *place : facility.position;
    const core::XY end = to_facility ? facility.position : *place;
    add(start, route->front(), "access");
    add(route->back(), end, "access");
  }
  return out;
}

}  // namespace caremap::analysis
