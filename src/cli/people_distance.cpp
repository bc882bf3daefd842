#include "cli/people_distance.hpp"

#include <cmath>

#include "analysis/facility_set.hpp"
#include "analysis/network_sites.hpp"
#include "cli/argument_parsing.hpp"
#include "cli/population_tables.hpp"
#include "cli/text_table.hpp"

namespace caremap::cli {

namespace {

std::string cost_text(double v, bool by_time) {
  if (!std::isfinite(v)) {
    return "unreachable";
  }
  if (by_time) {
    return format_fixed(v / 60.0, 0) + " min";
  }
  return format_distance(core::Meters{v});
}

std::vector<std::string> band_headers(const std::vector<double>& upper, bool by_time) {
  std::vector<std::string> out;
  auto edge = [&](double v) {
    return by_time ? format_fixed(v / 60.0, 0) : format_fixed(v / 1000.0, v < 1000.0 ? 1 : 0);
  };
  const std::string unit = by_time ? " min" : " km";
  for (std::size_t i = 0; i <= upper.size(); ++i) {
    if (i == 0) {
      out.push_back("< " +
                    (by_time ? edge(upper[0]) + unit : format_distance(core::Meters{upper[0]})));
    } else if (i == upper.size()) {
      out.push_back("> " + edge(upper[i - 1]) + unit);
    } else {
      out.push_back(edge(upper[i - 1]) + "–" + edge(upper[i]) + unit);
    }
  }
  return out;
}

}  // namespace

void print_people_bands(const std::vector<CategoryPeopleBands>& rows,
                        const analysis::Demand& demand, std::ostream& out) {
  if (rows.empty()) {
    return;
  }
  for (const bool by_time : {false, true}) {
    const CategoryPeopleBands* first = nullptr;
    for (const auto& r : rows) {
      if (r.by_time == by_time) {
        first = &r;
        break;
      }
    }
    if (!first) {
      continue;
    }
    for (std::size_t city = 0; city < demand.cities.size(); ++city) {
      out << "People by " << (by_time ? "road time" : "distance") << " to the nearest facility, "
          << demand.cities[city] << " (" << first->distance.ja << " / " << first->distance.en
          << "; " << demand.basis.en << "):\n";
      std::vector<std::string> headers{"category", "people"};
      const auto bands = band_headers(first->bands.upper, by_time);
      headers.insert(headers.end(), bands.begin(), bands.end());
      if (by_time) {
        headers.push_back("no road");
      }
      headers.insert(headers.end(), {"median person", "90% person"});
      TextTable table(headers, std::vector<Align>(headers.size(), Align::right));
      for (const auto& r : rows) {
        if (r.by_time != by_time) {
          continue;
        }
        const auto& cells = r.bands.by_city[city];
        const analysis::PeopleCount& total = r.bands.city_totals[city];
        const std::size_t shown = by_time ? cells.size() : cells.size() - 1;
        std::vector<std::string> all{std::string(core::to_string(r.category)),
                                     format_people(total.people)};
        std::vector<std::string> old{"  75+", format_people(total.people_75plus)};
        for (std::size_t b = 0; b < shown; ++b) {
          all.push_back(format_share(cells[b].people, total.people));
          old.push_back(format_share(cells[b].people_75plus, total.people_75plus));
        }
        all.push_back(cost_text(r.percentiles[city].median, by_time));
        all.push_back(cost_text(r.percentiles[city].p90, by_time));
        old.insert(old.end(), {"", ""});
        table.add_row(std::move(all));
        if (demand.has_age_bands) {
          table.add_row(std::move(old));
        }
      }
      table.print(out);
      out << '\n';
    }
  }
  out << "Each cell piece's people are counted at its centre (a 500 m cell: about ±250 m).\n\n";
}

void print_person_distances(const analysis::Demand& demand, std::span<const double> cost,
                            bool by_time, std::ostream& out) {
  const auto pct = analysis::person_percentiles_by_city(demand, cost);
  out << "Per person (" << demand.basis.ja << " / " << demand.basis.en << "):\n";
  TextTable table({"city", "people", "median person", "90% person"},
                  {Align::left, Align::right, Align::right, Align::right});
  for (std::size_t c = 0; c < demand.cities.size(); ++c) {
    table.add_row({demand.cities[c], format_people(pct[c].people),
                   cost_text(pct[c].median, by_time), cost_text(pct[c].p90, by_time)});
  }
  table.print(out);
  out << "Half of each city's people live within the median distance of their nearest facility, "
         "nine in ten within the 90% distance (each cell piece counted at its centre).\n\n";
}

nlohmann::ordered_json person_distances_json(const analysis::Demand& demand,
                                             std::span<const double> cost) {
  const auto pct = analysis::person_percentiles_by_city(demand, cost);
  auto j = nlohmann::ordered_json::array();
  auto finite = [](double v) {
    return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json();
  };
  for (std::size_t c = 0; c < demand.cities.size(); ++c) {
    j.push_back({{"city", demand.cities[c]},
                 {"people", pct[c].people},
                 {"median_person", finite(pct[c].median)},
                 {"p90_person", finite(pct[c].p90)}});
  }
  return j;
}

nlohmann::ordered_json people_bands_json(const std::vector<CategoryPeopleBands>& rows,
                                         const analysis::Demand& demand) {
  auto j = nlohmann::ordered_json::array();
  for (const auto& r : rows) {
    nlohmann::ordered_json e;
    e["category"] = std::string(core::to_string(r.category));
    e["facilities"] = r.facilities;
    e["measure"] = r.by_time ? "road_time_s" : "straight_line_m";
    e["basis"] = {{"distance", local_text_json(r.distance)},
                  {"demand", local_text_json(demand.basis)}};
    e["band_upper_edges"] = r.bands.upper;
    auto& cities = e["cities"] = nlohmann::ordered_json::array();
    for (std::size_t c = 0; c < demand.cities.size(); ++c) {
      nlohmann::ordered_json city;
      city["city"] = demand.cities[c];
      city["people"] = r.bands.city_totals[c].people;
      auto& people = city["people_by_band"] = nlohmann::ordered_json::array();
      auto& old = city["people_75plus_by_band"] = nlohmann::ordered_json::array();
      for (const auto& b : r.bands.by_city[c]) {
        people.push_back(b.people);
        old.push_back(b.people_75plus);
      }
      auto finite = [](double v) {
        return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json();
      };
      city["median_person"] = finite(r.percentiles[c].median);
      city["p90_person"] = finite(r.percentiles[c].p90);
      cities.push_back(std::move(city));
    }
    j.push_back(std::move(e));
  }
  return j;
}

}  // namespace caremap::cli
