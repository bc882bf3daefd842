// The accessibility page of the plan report: 2SFCA per census cell piece (clinics per 1,000
// people within the catchment), its map, the mean per city and the least served cells of each
// city. The figures come from plan::accessibility (`caremap access --method 2sfca`).

#include <algorithm>
#include <cmath>

#include "core/number_format.hpp"
#include "plan/plan_layers.hpp"
#include "report/plan_report_pages.hpp"

namespace caremap::report::plan_pages {

namespace {

// Cells listed per city in the lowest-accessibility table.
constexpr std::size_t kLowestPerCity = 5;
// Cells with fewer people are left out of that table: a cell of three people at the edge of
// the region says little about where care is short.
constexpr double kMinPeople = 10.0;

std::string per_1000(double v) {
  return core::format_fixed(v, 2);
}

// Class breaks of the map: 0 (no clinic in reach) apart, then the quartiles of the inhabited
// cells with access, by people, so each coloured class holds about a quarter of those people.
std::vector<double> quartiles(const analysis::Demand& d, const plan::AccessResult& a) {
  std::vector<std::pair<double, double>> v;  // (per 1,000, people)
  double total = 0.0;
  for (std::size_t i = 0; i < d.points.size(); ++i) {
    if (d.points[i].people > 0.0 && a.access[i] > 0.0) {
      v.emplace_back(a.access[i] * 1000.0, d.points[i].people);
      total += d.points[i].people;
    }
  }
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  double seen = 0.0;
  std::size_t q = 1;
  for (const auto& [value, people] : v) {
    seen += people;
    while (q < 4 && seen >= total * static_cast<double>(q) / 4.0) {
      if (out.empty() || value > out.back()) {
        out.push_back(value);
      }
      ++q;
    }
  }
  return out;
}

MapLayer access_layer(const Context& c) {
  const auto& tr = c.tr;
  const analysis::Demand& d = *c.in.demand;
  auto l = std::make_shared<core::Layer>(
      plan::access_cells_layer(d, *c.in.access, c.in.crs, c.provenance));
  const auto people = l->field_index("people");
  std::erase_if(l->features, [&](const core::Feature& f) {
    return !(core::to_number(f.values[*people]).value_or(0.0) > 0.0);
  });
  const std::string units = tr("診療所数（人口1,000人あたり）", "Clinics per 1,000 people");
  MapLayer m;
  m.layer = l;
  m.title = units;
  style::Ramp ramp;
  ramp.field = "access_per_1000";
  // Anything above zero is in reach of a clinic: the first break only splits off exact zeros.
  ramp.breaks = {1e-9};
  const std::vector<double> q = quartiles(d, *c.in.access);
  ramp.breaks.insert(ramp.breaks.end(), q.begin(), q.end());
  ramp.colours = {style::rgb(0xD55E00, 200)};
  const style::Rgba blues[] = {style::rgb(0xC6DBEF, 200), style::rgb(0x9ECAE1, 200),
                               style::rgb(0x4292C6, 200), style::rgb(0x08519C, 200)};
  ramp.labels = {tr("0（圏内に診療所なし）", "0 (none in reach)")};
  double low = 0.0;
  for (std::size_t k = 0; k + 1 < ramp.breaks.size() + 1; ++k) {
    if (k + 1 < ramp.breaks.size()) {
      const double high = ramp.breaks[k + 1];
      ramp.labels.push_back(per_1000(low) + "–" + per_1000(high));
      low = high;
    } else {
      ramp.labels.push_back(per_1000(low) + tr(" 以上", " or more"));
    }
    ramp.colours.push_back(blues[std::min<std::size_t>(k, 3)]);
  }
  m.style.ramp = std::move(ramp);
  return m;
}

TableBlock city_means(const Context& c) {
  const auto& tr = c.tr;
  const analysis::Demand& d = *c.in.demand;
  const plan::AccessResult& a = *c.in.access;
  TableBlock t;
  t.caption = tr("市別：人口1,000人あたりの診療所数（人口で重み付けした平均）",
                 "By city: clinics per 1,000 people (mean weighted by people)");
  t.headers = {tr("市", "city"), tr("人口", "people"), tr("平均", "mean"),
               tr("圏内に診療所がない人", "people with none in reach")};
  t.align = {Align::left, Align::right, Align::right, Align::right};
  std::vector<double> people(d.cities.size() + 1, 0.0);
  std::vector<double> sum(d.cities.size() + 1, 0.0);
  std::vector<double> none(d.cities.size() + 1, 0.0);
  for (std::size_t i = 0; i < d.points.size(); ++i) {
    const analysis::DemandPoint& p = d.points[i];
    if (p.city == analysis::kNoCity) {
      continue;
    }
    for (const std::size_t k : {static_cast<std::size_t>(p.city), d.cities.size()}) {
      people[k] += p.people;
      sum[k] += p.people * a.access[i] * 1000.0;
      none[k] += a.access[i] > 0.0 ? 0.0 : p.people;
    }
  }
  for (std::size_t k = 0; k <= d.cities.size(); ++k) {
    t.rows.push_back(
        {k < d.cities.size() ? d.cities[k] : tr("計", "all"), core::format_people(people[k]),
         people[k] > 0.0 ? per_1000(sum[k] / people[k]) : "–",
         core::format_people(none[k]) + tr.bracketed(core::format_share(none[k], people[k]))});
  }
  t.last_row_is_total = true;
  return t;
}

TableBlock lowest(const Context& c) {
  const auto& tr = c.tr;
  const analysis::Demand& d = *c.in.demand;
  const plan::AccessResult& a = *c.in.access;
  TableBlock t;
  t.caption = tr("市別：指標が最も低いメッシュ（各市 ", "By city: the least served cells (") +
              std::to_string(kLowestPerCity) + tr(" 件）", " each)");
  t.headers = {tr("市", "city"),     tr("順位", "rank"),    tr("メッシュ", "mesh"),
               tr("人口", "people"), tr("75歳以上", "75+"), tr("1,000人あたり", "per 1,000")};
  t.align = {Align::left, Align::right, Align::left, Align::right, Align::right, Align::right};
  for (std::size_t city = 0; city < d.cities.size(); ++city) {
    std::vector<std::size_t> cells;
    for (std::size_t i = 0; i < d.points.size(); ++i) {
      if (d.points[i].city == city && d.points[i].people >= kMinPeople) {
        cells.push_back(i);
      }
    }
    // Lowest first; among equals (every cell with none in reach) the most people first.
    std::stable_sort(cells.begin(), cells.end(), [&](std::size_t x, std::size_t y) {
      if (a.access[x] != a.access[y]) {
        return a.access[x] < a.access[y];
      }
      return d.points[x].people > d.points[y].people;
    });
    for (std::size_t r = 0; r < cells.size() && r < kLowestPerCity; ++r) {
      const analysis::DemandPoint& p = d.points[cells[r]];
      t.rows.push_back({d.cities[city], std::to_string(r + 1), p.label,
                        core::format_people(p.people), core::format_people(p.people_75plus),
                        per_1000(a.access[cells[r]] * 1000.0)});
    }
  }
  t.note = tr("人口 ", "Cells of at least ") + core::format_fixed(kMinPeople, 0) +
           tr(" 人以上のメッシュ片。同じ値（0 など）のときは人口の多い順。",
              " people; among equal values (such as 0) the most populated first.");
  return t;
}

}  // namespace

std::optional<Page> access_page(const Context& c) {
  const PlanReportInputs& in = c.in;
  if (!in.access) {
    return std::nullopt;
  }
  const auto& tr = c.tr;
  Page p = c.page(tr("医療アクセス指標（2SFCA）", "Accessibility (2SFCA)"));
  MapBlock m = c.base_map(tr("地図：人口1,000人あたりの", "Map: ") + in.sites_title +
                              tr("数（", " per 1,000 people (") + in.access_method.in(in.lang) +
                              tr("、500mメッシュ）", ", 500 m cells)"),
                          c.extent);
  m.layers.insert(m.layers.begin() + (in.boundary ? 1 : 0), access_layer(c));
  m.layers.push_back(c.sites_layer());
  p.blocks.push_back(std::move(m));
  TextBlock how;
  how.paragraphs.push_back(
      tr("指標：各", "Index: each ") + in.sites_title +
      tr("の供給（1か所＝1、医師数は公開データにない）を",
         " (supply 1 each: the open data has "
         "no physician counts) is shared among "
         "the people ") +
      c.reach() + tr("の人口で分け合い、各メッシュで", "; each cell adds up the shares of the ") +
      c.reach() +
      tr("にある施設の分を合計（2SFCA、単位：人口1,000人あたりの", " of it (2SFCA, in ") +
      in.sites_title + tr("数）。", " per 1,000 people)."));
  how.paragraphs.push_back(tr("圏内（catchment）：", "Catchment: ") + c.reach() +
                           tr("。距離の基準：", ". Distance: ") +
                           in.provenance.basis.distance.in(in.lang) + tr("。", "."));
  p.blocks.push_back(std::move(how));
  p.blocks.push_back(city_means(c));
  p.blocks.push_back(lowest(c));
  return p;
}

}  // namespace caremap::report::plan_pages
