#include "cli/population_tables.hpp"

#include <cmath>

#include "cli/region_tables.hpp"
#include "cli/text_table.hpp"

namespace caremap::cli {

std::optional<RegionPeople> region_people(const io::Region& region,
                                          core::Diagnostics& diagnostics) {
  const io::LoadedLayer* population = region.population();
  if (!population || region.boundaries().empty()) {
    return std::nullopt;
  }
  RegionPeople out;
  out.demand = analysis::population_demand(*population->layer, &boundary_layer(region), &out.report,
                                           &diagnostics);
  out.credit = population->spec.credit;
  return out;
}

void print_no_population(const io::Region& region, std::ostream& out) {
  out << "人口データなし（面積のみ）: no population data for " << region.project.title
      << "; figures are area only (see data/geo/SOURCES.md).\n\n";
}

void print_people_by_city(const RegionPeople& people, std::ostream& out) {
  const analysis::Demand& d = people.demand;
  out << "People per city (" << d.basis.ja << " / " << d.basis.en << "):\n";
  std::vector<std::string> headers{"city", "people"};
  std::vector<Align> align{Align::left, Align::right};
  if (d.has_age_bands) {
    headers.insert(headers.end(), {"65+", "65+ share", "75+", "75+ share"});
    align.insert(align.end(), {Align::right, Align::right, Align::right, Align::right});
  }
  TextTable table(headers, align);
  const auto per_city = analysis::people_by_city(d);
  analysis::PeopleCount all;
  auto row = [&](const std::string& name, const analysis::PeopleCount& c) {
    std::vector<std::string> cells{name, format_people(c.people)};
    if (d.has_age_bands) {
      cells.insert(cells.end(),
                   {format_people(c.people_65plus), format_share(c.people_65plus, c.people),
                    format_people(c.people_75plus), format_share(c.people_75plus, c.people)});
    }
    table.add_row(std::move(cells));
  };
  for (std::size_t i = 0; i < d.cities.size(); ++i) {
    row(d.cities[i], per_city[i]);
    all += per_city[i];
  }
  row("total", all);
  table.print(out);
  const auto& r = people.report;
  out << r.cut_features << " of " << r.features_used
      << " cells are cut by a city boundary or the coast and shared by area; "
      << format_people(r.people_outside)
      << " people of those cells fall outside both cities (sea, neighbouring municipalities).\n\n";
}

nlohmann::ordered_json local_text_json(const core::LocalText& text) {
  return {{"ja", text.ja}, {"en", text.en}};
}

nlohmann::ordered_json people_json(const RegionPeople& people) {
  const analysis::Demand& d = people.demand;
  nlohmann::ordered_json j;
  j["basis"] = local_text_json(d.basis);
  j["credit"] = people.credit;
  j["has_age_bands"] = d.has_age_bands;
  auto& cities = j["cities"] = nlohmann::ordered_json::array();
  const auto per_city = analysis::people_by_city(d);
  for (std::size_t i = 0; i < d.cities.size(); ++i) {
    nlohmann::ordered_json c{{"city", d.cities[i]}, {"people", per_city[i].people}};
    if (d.has_age_bands) {
      c["people_65plus"] = per_city[i].people_65plus;
      c["people_75plus"] = per_city[i].people_75plus;
    }
    cities.push_back(std::move(c));
  }
  const auto& r = people.report;
  j["apportionment"] = {{"cells_used", r.features_used},
                        {"cells_cut", r.cut_features},
                        {"pieces", r.pieces},
                        {"people_of_cells_used", r.people_in_features},
                        {"people_inside", r.people_inside},
                        {"people_outside", r.people_outside}};
  return j;
}

nlohmann::ordered_json people_count_json(const analysis::PeopleCount& c) {
  return {
      {"people", c.people}, {"people_65plus", c.people_65plus}, {"people_75plus", c.people_75plus}};
}

}  // namespace caremap::cli
