#include "report/coverage_report.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/argument_parsing.hpp"
#include "core/credit.hpp"
#include "core/error.hpp"
#include "core/number_format.hpp"
#include "report/coverage_zone_atlas.hpp"
#include "report/report_parts.hpp"
#include "style/style.hpp"

namespace caremap::report {

namespace {

using core::Lang;

std::string category_title(core::Category c, Lang lang) {
  const style::Symbol s = style::default_symbol(c);
  return lang == Lang::ja ? s.title_ja : s.title_en;
}

std::string categories_title(const std::vector<core::Category>& cs, Lang lang) {
  std::string out;
  for (const core::Category c : cs) {
    if (!out.empty()) {
      out += lang == Lang::ja ? "・" : ", ";
    }
    out += category_title(c, lang);
  }
  return out;
}

std::string radius_text(const analysis::CoverageSummary& s) {
  if (s.min_radius == s.max_radius) {
    return core::format_distance(s.min_radius);
  }
  return core::format_distance(s.min_radius) + "–" + core::format_distance(s.max_radius);
}

std::string km2(double v) {
  return core::format_fixed(v, v < 10.0 ? 2 : 1);
}

std::string pct(double v) {
  return core::format_fixed(v, 1) + " %";
}

// An English kind's name inside a sentence ("of a clinic", not "of a Clinic").
std::string lower_case(std::string s) {
  for (char& c : s) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return s;
}

core::LayerPtr shared(const core::Layer& l) {
  return std::make_shared<const core::Layer>(l);
}

// What a coverage report shares between its pages: the result layers as shared layers and the
// credits of the figures.
class Builder {
 public:
  explicit Builder(const CoverageReportInputs& in) : m_in(in), m_tr{in.lang} {
    const auto& r = *in.coverage;
    m_covered = shared(r.covered);
    m_gaps = shared(r.gaps);
    if (!r.backup.features.empty()) {
      m_backup = shared(r.backup);
    }
    add_credits(m_figure_credits, r.covered.provenance.inputs);
    if (in.demand) {
      core::add_credit(m_figure_credits, in.people_credit);
    }
    m_what = categories_title(in.categories, in.lang);
  }

  Report build() {
    Report report;
    report.lang = m_in.lang;
    report.date = m_in.date;
    report.software = m_in.software;
    const auto& s = m_in.coverage->summary;
    report.title =
        m_in.lang == Lang::ja
            ? m_in.region_title + "　" + m_what + "から" + radius_text(s) + "圏のカバー状況"
            : m_in.region_title + ": " + m_what + " coverage within " + radius_text(s);
    report.subtitle = basis_line();
    report.pages.push_back(overview_page());
    if (m_in.population) {
      report.pages.push_back(population_page());
    }
    report.pages.push_back(tables_page());
    if (m_in.demand && !m_in.distances.empty()) {
      report.pages.push_back(distance_page());
    }
    if (m_in.demand && !m_in.all_distances.empty()) {
      report.pages.push_back(all_distances_page());
    }
    for (std::size_t i = 0; i < m_in.coverage->cities.size(); ++i) {
      report.pages.push_back(city_map_page(i));
      report.pages.push_back(city_figures_page(i));
    }
    const CoverageMap zone_map = [this](const core::Box& extent, std::vector<MapLayer> overlays,
                                        std::string caption) {
      return map(extent, false, std::move(caption), std::move(overlays));
    };
    for (Page& p : zone_atlas_pages(m_in, zone_map, {m_what, radius_text(m_in.coverage->summary)},
                                    m_figure_credits)) {
      report.pages.push_back(std::move(p));
    }
    report.pages.push_back(provenance_page());
    return report;
  }

 private:
  std::string basis_line() const {
    const auto& basis = m_in.coverage->covered.provenance.basis;
    const auto& s = m_in.coverage->summary;
    return m_tr("距離：", "Distance: ") + basis.distance.in(m_in.lang) +
           m_tr("（半径 ", " (radius ") + radius_text(s) + m_tr("）／人口：", ") / People: ") +
           basis.demand.in(m_in.lang) + m_tr("／施設数：", " / Facilities: ") +
           std::to_string(s.facilities);
  }

  // Layers of a map: optionally the population, the cities, the result, roads, facilities.
  // `overlays` go over the coverage and under the borders, roads and facilities.
  MapBlock map(const core::Box& extent, bool population, std::string caption,
               std::vector<MapLayer> overlays = {}) const {
    MapBlock m;
    m.extent = extent;
    m.caption = std::move(caption);
    m.layers.push_back(map_layer(m_in.boundary, {}, false));
    if (population && m_in.population) {
      m.layers.push_back(map_layer(m_in.population));
    } else {
      m.layers.push_back(map_layer(m_covered, m_tr("カバー圏（", "Within reach (") +
                                                  radius_text(m_in.coverage->summary) +
                                                  m_tr("以内）", ")")));
      if (m_backup) {
        MapLayer backup = map_layer(m_backup, m_tr("2施設以上に近い区域", "Within reach of 2+"));
        // The backup area lies inside the covered area: a second green over it reads darker.
        backup.style.color = style::rgb(0x009E73);
        m.layers.push_back(std::move(backup));
      }
    }
    m.layers.push_back(map_layer(m_gaps, m_tr("空白地域（圏外）", "Gap (beyond reach)")));
    for (MapLayer& o : overlays) {
      m.layers.push_back(std::move(o));
    }
    // City borders over the fills, no legend entry of their own.
    MapLayer borders = map_layer(m_in.boundary, {}, false);
    borders.outline_only = true;
    m.layers.push_back(std::move(borders));
    if (m_in.roads) {
      m.layers.push_back(map_layer(m_in.roads, m_tr("道路", "Roads") + road_note()));
    }
    for (const auto& l : m_in.context) {
      m.layers.push_back(map_layer(l));
    }
    for (const auto& l : m_in.facilities) {
      m.layers.push_back(map_layer(l));
    }
    return m;
  }

  std::string road_note() const {
    if (m_in.road_basis.empty()) {
      return {};
    }
    return m_tr("（", " (") + m_in.road_basis.in(m_in.lang) + m_tr("）", ")");
  }

  core::Box overview_extent() const {
    std::optional<core::Box> box;
    for (const core::Feature& f : m_in.boundary->features) {
      box = core::merge(box, main_extent(f.geometry, 0.0));
    }
    if (!box) {
      box = m_in.boundary->bounds();
    }
    if (!box) {
      throw core::ArgumentError("the boundary layer has no geometry to map");
    }
    return padded(*box, 0.03);
  }

  // Pieces of the cities a map with `extent` leaves out (far islands): the caption says so. A
  // city's page counts only that city's pieces (`only`: its boundary feature): the other
  // city's islets are not its concern, and 宗像市 alone has hundreds of them.
  std::string outside_note(const core::Box& extent,
                           std::optional<core::FeatureId> only = std::nullopt) const {
    std::size_t outside = 0;
    for (std::size_t i = 0; i < m_in.boundary->features.size(); ++i) {
      if (only && only->value != i) {
        continue;
      }
      const core::Feature& f = m_in.boundary->features[i];
      if (const auto parts = core::as_multipolygon(f.geometry)) {
        for (const auto& p : *parts) {
          core::Box b;
          core::bg::envelope(p, b);
          outside += core::bg::intersects(b, extent) ? 0 : 1;
        }
      }
    }
    if (outside == 0) {
      return {};
    }
    return m_in.lang == Lang::ja
               ? "（離れた島など " + std::to_string(outside) +
                     " 区域は地図の枠外。表の数値には含む）"
               : " (" + std::to_string(outside) +
                     " remote parts such as islands lie outside the frame; the tables include "
                     "them)";
  }

  Page overview_page() const {
    Page p;
    p.heading = m_tr("カバー圏と空白地域", "Area within reach and gaps");
    const core::Box extent = overview_extent();
    MapBlock m = map(extent, false,
                     m_tr("地図：", "Map: ") + m_what + m_tr("の位置と", " and the area within ") +
                         radius_text(m_in.coverage->summary) +
                         m_tr("圏（直線）", " (straight line)") + outside_note(extent));
    p.blocks.push_back(std::move(m));
    p.blocks.push_back(key_figures());
    p.credits = m_figure_credits;
    return p;
  }

  TextBlock key_figures() const {
    const auto& s = m_in.coverage->summary;
    TextBlock t;
    t.heading = m_tr("要点", "Key figures");
    if (s.people) {
      const auto& pc = *s.people;
      if (m_in.lang == Lang::ja) {
        t.paragraphs.push_back(m_in.region_title + "の人口 " +
                               core::format_people(pc.total.people) + " 人のうち " +
                               core::format_share(pc.covered.people, pc.total.people) + "（" +
                               core::format_people(pc.covered.people) + " 人）が" + m_what +
                               "から " + radius_text(s) + " 以内（直線）に住んでいます。圏外は " +
                               core::format_people(pc.gap.people) + " 人です。");
      } else {
        t.paragraphs.push_back(core::format_share(pc.covered.people, pc.total.people) + " of the " +
                               core::format_people(pc.total.people) + " people of " +
                               m_in.region_title + " (" + core::format_people(pc.covered.people) +
                               ") live within " + radius_text(s) + " (straight line) of a " +
                               lower_case(m_what) + "; " + core::format_people(pc.gap.people) +
                               " live beyond it.");
      }
      if (s.has_age_bands) {
        t.paragraphs.push_back(
            m_tr("75歳以上のうち圏内：", "People aged 75+ within reach: ") +
            core::format_share(pc.covered.people_75plus, pc.total.people_75plus) +
            m_tr("（圏外 ", " (") + core::format_people(pc.gap.people_75plus) +
            m_tr(" 人）", " beyond)"));
      }
    }
    t.paragraphs.push_back(
        m_tr("面積では ", "By area, ") + pct(s.covered_pct) +
        m_tr(" が圏内、空白地域は ", " is within reach; the gaps are ") + km2(s.uncovered_km2) +
        m_tr(" km²。2施設以上に近い区域は ", " km². Within reach of two or more: ") +
        pct(s.backup_pct) + m_tr("。", "."));
    return t;
  }

  Page population_page() const {
    Page p;
    p.heading = m_tr("人口分布と空白地域", "Where people live, and the gaps");
    const core::Box extent = overview_extent();
    p.blocks.push_back(map(extent, true,
                           m_tr("2020年国勢調査 500mメッシュ人口密度（人/km²）と空白地域",
                                "2020 census 500 m mesh population density (people per km²) "
                                "and the gaps") +
                               outside_note(extent)));
    return p;
  }

  TableBlock area_table(std::optional<std::size_t> only) const {
    const auto& r = *m_in.coverage;
    TableBlock t;
    t.caption = m_tr("市別のカバー状況（面積）", "Coverage by city (area)");
    t.headers = {m_tr("市", "City"),
                 m_tr("面積 km²", "Area km²"),
                 m_tr("圏内 km²", "Within km²"),
                 m_tr("圏内率", "Within"),
                 m_tr("2施設以上", "2+ in reach"),
                 m_tr("空白 km²", "Gap km²"),
                 m_tr("空白の区域数", "Gap pockets")};
    t.align = {Align::left,  Align::right, Align::right, Align::right,
               Align::right, Align::right, Align::right};
    for (std::size_t i = 0; i < r.cities.size(); ++i) {
      if (only && *only != i) {
        continue;
      }
      const auto& c = r.cities[i];
      t.rows.push_back({c.city, km2(c.city_km2), km2(c.covered_km2), pct(c.covered_pct),
                        pct(c.backup_pct), km2(c.uncovered_km2), std::to_string(c.gap_parts)});
    }
    if (!only) {
      const auto& s = r.summary;
      t.rows.push_back({m_tr("合計", "Total"), km2(s.city_km2), km2(s.covered_km2),
                        pct(s.covered_pct), pct(s.backup_pct), km2(s.uncovered_km2), ""});
      t.last_row_is_total = true;
    }
    t.note = m_tr("面積は平面直角座標系での平面面積。円は ",
                  "Planar areas in the working CRS. Circles are ") +
             std::to_string(r.summary.circle_segments) +
             m_tr(" 角形で近似（面積誤差 ", "-gons (area short by ") +
             core::format_fixed(r.summary.circle_area_error * 100.0, 4) + " %" + m_tr("）。", ").");
    return t;
  }

  std::optional<TableBlock> people_table(std::optional<std::size_t> only) const {
    const auto& r = *m_in.coverage;
    if (!r.summary.people) {
      return std::nullopt;
    }
    const bool ages = r.summary.has_age_bands;
    TableBlock t;
    t.caption = m_tr("市別のカバー状況（人口）", "Coverage by city (people)");
    t.headers = {m_tr("市", "City"),
                 m_tr("人口", "People"),
                 m_tr("圏内", "Within reach"),
                 m_tr("圏内率", "Share"),
                 m_tr("圏外の人口", "Beyond reach"),
                 m_tr("2施設以上", "2+ in reach")};
    if (ages) {
      t.headers.insert(
          t.headers.end(),
          {m_tr("65歳以上 圏内率", "65+ within"), m_tr("65歳以上 圏外", "65+ beyond"),
           m_tr("75歳以上 圏内率", "75+ within"), m_tr("75歳以上 圏外", "75+ beyond")});
    }
    t.align.assign(t.headers.size(), Align::right);
    t.align[0] = Align::left;
    auto row = [&](const std::string& name, const analysis::PeopleCoverage& p) {
      std::vector<std::string> cells{name,
                                     core::format_people(p.total.people),
                                     core::format_people(p.covered.people),
                                     core::format_share(p.covered.people, p.total.people),
                                     core::format_people(p.gap.people),
                                     core::format_share(p.backup.people, p.total.people)};
      if (ages) {
        cells.insert(cells.end(),
                     {core::format_share(p.covered.people_65plus, p.total.people_65plus),
                      core::format_people(p.gap.people_65plus),
                      core::format_share(p.covered.people_75plus, p.total.people_75plus),
                      core::format_people(p.gap.people_75plus)});
      }
      t.rows.push_back(std::move(cells));
    };
    for (std::size_t i = 0; i < r.cities.size(); ++i) {
      if (!only || *only == i) {
        row(r.cities[i].city, *r.cities[i].people);
      }
    }
    if (!only) {
      row(m_tr("合計", "Total"), *r.summary.people);
      t.last_row_is_total = true;
    }
    t.note =
        m_tr("人口：", "People: ") + r.covered.provenance.basis.demand.in(m_in.lang) +
        m_tr("。市境界や海岸で切れるメッシュは面積で按分し、圏内にある面積の割合だけ圏内と数える。",
             ". Cells cut by a city boundary or the coast are shared by area; a piece counts "
             "as within reach by the share of its area that is.");
    return t;
  }

  std::optional<TableBlock> gaps_table(std::optional<std::size_t> only, std::size_t limit) const {
    const auto& r = *m_in.coverage;
    const auto city = r.gap_parts.field_index("city");
    const auto area = r.gap_parts.field_index("gap_km2");
    if (r.gap_parts.features.empty() || !city || !area) {
      return std::nullopt;
    }
    TableBlock t;
    t.caption = m_tr("空白地域（大きい順）", "Largest gap pockets");
    t.headers = {m_tr("市", "City"), m_tr("順位", "Rank"), m_tr("面積 km²", "Area km²")};
    t.align = {Align::left, Align::right, Align::right};
    std::vector<const core::Feature*> parts;
    for (const auto& f : r.gap_parts.features) {
      const std::string name = core::to_text(f.values[*city]);
      if (!only || name == r.cities[*only].city) {
        parts.push_back(&f);
      }
    }
    if (parts.empty()) {
      return std::nullopt;  // the city has no gap: its area table says so
    }
    std::stable_sort(parts.begin(), parts.end(), [&](const auto* a, const auto* b) {
      return core::to_number(a->values[*area]).value_or(0) >
             core::to_number(b->values[*area]).value_or(0);
    });
    for (std::size_t i = 0; i < parts.size() && i < limit; ++i) {
      t.rows.push_back(
          {core::to_text(parts[i]->values[*city]), std::to_string(i + 1),
           core::format_fixed(core::to_number(parts[i]->values[*area]).value_or(0), 3)});
    }
    t.note = m_tr("空白地域 ", "") + std::to_string(parts.size()) +
             m_tr(" 区域のうち大きいものを表示（地図の橙色の区域）。",
                  " gap pockets; the largest are listed (orange on the maps).");
    return t;
  }

  Page tables_page() const {
    Page p;
    p.heading = m_tr("市別の数値", "Figures by city");
    p.blocks.push_back(area_table(std::nullopt));
    if (auto t = people_table(std::nullopt)) {
      p.blocks.push_back(std::move(*t));
    }
    if (auto t = gaps_table(std::nullopt, 12)) {
      p.blocks.push_back(std::move(*t));
    }
    p.credits = m_figure_credits;
    return p;
  }

  std::vector<std::string> band_labels(const std::vector<double>& upper) const {
    std::vector<std::string> out;
    auto km = [](double m) { return core::format_distance(core::Meters{m}); };
    for (std::size_t i = 0; i <= upper.size(); ++i) {
      if (i == 0) {
        out.push_back(m_in.lang == Lang::ja ? km(upper[0]) + "未満" : "< " + km(upper[0]));
      } else if (i == upper.size()) {
        out.push_back(m_in.lang == Lang::ja ? km(upper[i - 1]) + "以上" : "> " + km(upper[i - 1]));
      } else {
        out.push_back(km(upper[i - 1]) + "–" + km(upper[i]));
      }
    }
    return out;
  }

  static std::string distance_text(double m) {
    return std::isfinite(m) ? core::format_distance(core::Meters{m}) : "–";
  }

  TableBlock distance_table(const analysis::CategoryPeopleBands& d,
                            std::optional<std::size_t> only) const {
    TableBlock t;
    t.caption = m_tr("最寄りの", "Distance to the nearest ") +
                category_title(d.category, m_in.lang) +
                m_tr("までの距離別の人口の割合（", " by share of people (") +
                d.distance.in(m_in.lang) + m_tr("）", ")");
    t.headers = {m_tr("市", "City"), m_tr("人口", "People")};
    const auto labels = band_labels(d.bands.upper);
    t.headers.insert(t.headers.end(), labels.begin(), labels.end());
    t.headers.insert(t.headers.end(), {m_tr("半数が住む距離", "Median person"),
                                       m_tr("9割が住む距離", "90 % of people")});
    t.align.assign(t.headers.size(), Align::right);
    t.align[0] = Align::left;
    for (std::size_t c = 0; c < m_in.demand->cities.size(); ++c) {
      if (only && *only != c) {
        continue;
      }
      const double total = d.bands.city_totals[c].people;
      std::vector<std::string> row{m_in.demand->cities[c], core::format_people(total)};
      for (std::size_t b = 0; b <= d.bands.upper.size(); ++b) {
        row.push_back(core::format_share(d.bands.by_city[c][b].people, total));
      }
      row.push_back(distance_text(d.percentiles[c].median));
      row.push_back(distance_text(d.percentiles[c].p90));
      t.rows.push_back(std::move(row));
    }
    t.note =
        m_tr("各メッシュ片の人口はその重心に住むとみなす（帯の境界はメッシュの4分の1程度の精度）。",
             "Each cell piece's people are taken to live at its centroid (band edges are "
             "good to about a quarter of a cell).");
    return t;
  }

  ChartBlock coverage_bars(std::optional<std::size_t> only) const {
    ChartBlock c;
    c.caption = m_tr("圏内に住む人の割合（市別）", "Share of people within reach, by city");
    c.axis_label = "%";
    c.max_value = 100.0;
    c.colour = style::okabe_ito::bluish_green;
    for (std::size_t i = 0; i < m_in.coverage->cities.size(); ++i) {
      const auto& city = m_in.coverage->cities[i];
      if ((only && *only != i) || !city.people) {
        continue;
      }
      const auto& p = *city.people;
      const double share = p.total.people > 0.0 ? 100.0 * p.covered.people / p.total.people : 0.0;
      c.bars.push_back({city.city, share, pct(share)});
      if (m_in.coverage->summary.has_age_bands && p.total.people_75plus > 0.0) {
        const double s75 = 100.0 * p.covered.people_75plus / p.total.people_75plus;
        c.bars.push_back({city.city + m_tr("（75歳以上）", " (75+)"), s75, pct(s75)});
      }
    }
    return c;
  }

  ChartBlock histogram(const analysis::CategoryPeopleBands& d,
                       std::optional<std::size_t> only) const {
    ChartBlock c;
    c.kind = ChartBlock::Kind::histogram;
    c.caption = m_tr("最寄りの", "People by distance to the nearest ") +
                category_title(d.category, m_in.lang) +
                m_tr("までの距離別の人口（人）", " (people)");
    if (only) {
      c.caption += m_tr("：", ": ") + m_in.demand->cities[*only];
    }
    c.axis_label = m_tr("人", "people");
    c.colour = style::okabe_ito::blue;
    c.height_share = 1.0;
    const auto labels = band_labels(d.bands.upper);
    for (std::size_t b = 0; b <= d.bands.upper.size(); ++b) {
      double people = 0.0;
      for (std::size_t city = 0; city < d.bands.by_city.size(); ++city) {
        if (!only || *only == city) {
          people += d.bands.by_city[city][b].people;
        }
      }
      c.bars.push_back({labels[b], people, core::format_people(people)});
    }
    return c;
  }

  Page distance_page() const {
    Page p;
    p.heading =
        m_tr("最寄り施設までの距離（人口の分布）", "Distance to the nearest facility, per person");
    for (const auto& d : m_in.distances) {
      p.blocks.push_back(distance_table(d, std::nullopt));
    }
    p.blocks.push_back(coverage_bars(std::nullopt));
    p.blocks.push_back(histogram(m_in.distances.front(), std::nullopt));
    p.credits = m_figure_credits;
    return p;
  }

  Page all_distances_page() const {
    Page p;
    p.heading =
        m_tr("施設の種類別：最寄りまでの距離", "Every kind of facility: distance to the nearest");
    TableBlock t;
    t.caption = m_tr("半数・9割の人が住む距離（直線）",
                     "Distance within which half and 90 % of people live (straight line)");
    t.headers = {m_tr("施設", "Facilities"), m_tr("数", "Count")};
    for (const auto& city : m_in.demand->cities) {
      t.headers.push_back(city + m_tr(" 半数", " median"));
      t.headers.push_back(city + " 90%");
    }
    t.align.assign(t.headers.size(), Align::right);
    t.align[0] = Align::left;
    ChartBlock bars;
    bars.caption = m_tr("9割の人が住む距離（", "Distance within which 90 % of people live (") +
                   m_in.region_title + m_tr("、km）", ", km)");
    bars.axis_label = "km";
    bars.colour = style::okabe_ito::sky_blue;
    for (const auto& d : m_in.all_distances) {
      std::vector<std::string> row{category_title(d.category, m_in.lang),
                                   std::to_string(d.facilities)};
      for (std::size_t c = 0; c < m_in.demand->cities.size(); ++c) {
        row.push_back(distance_text(d.percentiles[c].median));
        row.push_back(distance_text(d.percentiles[c].p90));
      }
      t.rows.push_back(std::move(row));
      // The region's 90th percentile across cities: the largest city value bounds it.
      double worst = 0.0;
      for (const auto& pc : d.percentiles) {
        worst = std::max(worst, std::isfinite(pc.p90) ? pc.p90 : 0.0);
      }
      bars.bars.push_back(
          {category_title(d.category, m_in.lang) + m_tr("（最も遠い市）", " (farthest city)"),
           worst / 1000.0, distance_text(worst)});
    }
    t.note = m_tr("同じ人口・同じ直線距離で、分析した種類を他の施設と比べるための表。",
                  "The same people and straight-line distances, to compare the analysed kind "
                  "with the others.");
    p.blocks.push_back(std::move(t));
    p.blocks.push_back(std::move(bars));
    p.credits = m_figure_credits;
    for (const auto& l : m_in.context) {
      add_credits(p.credits, l->provenance.inputs);
    }
    return p;
  }

  Page city_map_page(std::size_t i) const {
    const auto& city = m_in.coverage->cities[i];
    Page p;
    p.heading = m_tr("市別：", "City: ") + city.city + m_tr("（地図）", " (map)");
    const core::Feature& f = (*m_in.boundary)[city.feature];
    const core::Box extent =
        main_extent(f.geometry, 0.04).value_or(m_in.boundary->bounds().value_or(core::Box{}));
    p.blocks.push_back(
        map(extent, m_in.population != nullptr,
            city.city +
                m_tr("：人口密度・空白地域・施設", ": population density, gaps and facilities") +
                outside_note(extent, city.feature)));
    p.blocks.push_back(area_table(i));
    p.credits = m_figure_credits;
    return p;
  }

  Page city_figures_page(std::size_t i) const {
    const auto& city = m_in.coverage->cities[i];
    Page p;
    p.heading = m_tr("市別：", "City: ") + city.city + m_tr("（数値）", " (figures)");
    if (auto t = people_table(i)) {
      p.blocks.push_back(std::move(*t));
    }
    if (m_in.demand && !m_in.distances.empty()) {
      p.blocks.push_back(distance_table(m_in.distances.front(), i));
      p.blocks.push_back(histogram(m_in.distances.front(), i));
    }
    if (auto t = gaps_table(i, 10)) {
      p.blocks.push_back(std::move(*t));
    }
    if (p.blocks.empty()) {
      p.blocks.push_back(area_table(i));
    }
    p.credits = m_figure_credits;
    return p;
  }

  Page provenance_page() const {
    const auto& r = *m_in.coverage;
    Page p;
    p.heading = m_tr("データと条件", "Data and conditions");
    KeyValueBlock analysis;
    analysis.heading = m_tr("分析の条件", "Analysis");
    analysis.rows.push_back({m_tr("対象地域", "Region"), m_in.region_title});
    analysis.rows.push_back(
        {m_tr("分析", "Analysis"), m_tr("直線距離によるカバー圏（caremap coverage）",
                                        "area within a straight-line radius (caremap coverage)")});
    analysis.rows.push_back({m_tr("施設の種類", "Facilities"),
                             m_what + m_tr("（", " (") + std::to_string(r.summary.facilities) +
                                 m_tr(" 施設）", " facilities)")});
    analysis.rows.push_back({m_tr("半径", "Radius"), radius_text(r.summary)});
    analysis.rows.push_back(
        {m_tr("距離の基準", "Distance"), r.covered.provenance.basis.distance.in(m_in.lang)});
    analysis.rows.push_back(
        {m_tr("人口の基準", "People"), r.covered.provenance.basis.demand.in(m_in.lang)});
    analysis.rows.push_back(
        {m_tr("地図の道路", "Roads on the maps"),
         m_in.road_basis.empty() ? m_tr("なし", "none") : m_in.road_basis.in(m_in.lang)});
    std::vector<core::LayerPtr> named = m_in.facilities;
    named.insert(named.end(), m_in.context.begin(), m_in.context.end());
    named.insert(named.end(), {m_in.boundary, m_in.population, m_in.roads});
    for (const ZoneAtlasPage& z : m_in.zones) {
      named.push_back(z.zone);
    }
    const SourceNames names = source_names(named, m_in.lang);
    analysis.rows.push_back({m_tr("パラメータ", "Parameters"),
                             parameters_text(r.covered.provenance.parameters, m_in.lang, names)});
    if (!m_in.zones.empty()) {
      analysis.rows.push_back({m_tr("区域（ハザード）", "Hazard zones"),
                               m_in.zones_path + m_tr("（", " (") +
                                   std::to_string(m_in.zones.size()) +
                                   m_tr(" 区域、1区域1ページ）", " zones, a page each)")});
    }
    analysis.rows.push_back({m_tr("作成日", "Date"), m_in.date});
    analysis.rows.push_back({m_tr("ソフトウェア", "Software"), m_in.software});
    p.blocks.push_back(std::move(analysis));

    std::vector<core::LayerPtr> drawn = m_in.context;
    for (const ZoneAtlasPage& z : m_in.zones) {
      drawn.push_back(z.zone);
    }
    drawn.push_back(m_in.population);
    drawn.push_back(m_in.roads);
    const std::vector<core::SourceRef> inputs = with_inputs_of(r.covered.provenance.inputs, drawn);
    KeyValueBlock data = sources_block(inputs, m_in.lang, names);
    if (m_in.demand) {
      data.rows.push_back({m_tr("人口の出典", "People"), m_in.people_credit});
    }
    p.blocks.push_back(std::move(data));

    TextBlock method;
    method.heading = m_tr("読み方と限界", "How to read this, and limits");
    method.paragraphs.push_back(m_tr(
        "圏内・圏外は施設からの直線距離で判定しており、道路での移動時間ではない。山や海を越える直線"
        "も圏内に数える。",
        "Within reach means within a straight-line distance of a facility, not a travel time by "
        "road: a line across hills or sea counts."));
    method.paragraphs.push_back(
        m_tr("施設の位置は各データの座標。診療所・薬局・歯科は住所の代表点（町丁目・大字）による近"
             "似で、数百 m から 1 km 程度ずれることがある。",
             "Facility positions are those of the data; clinics, pharmacies and dental clinics are "
             "placed at address representative points (町丁目/大字) and may be off by hundreds of "
             "metres to about a kilometre."));
    if (!m_in.road_basis.empty()) {
      method.paragraphs.push_back(
          m_tr("地図の道路は参考表示：", "The roads on the maps are for orientation: ") +
          m_in.road_basis.in(m_in.lang) + m_tr("。", "."));
    }
    p.blocks.push_back(std::move(method));
    p.credits = m_figure_credits;
    add_credits(p.credits, inputs);
    return p;
  }

  const CoverageReportInputs& m_in;
  Tr m_tr;
  core::LayerPtr m_covered;
  core::LayerPtr m_gaps;
  core::LayerPtr m_backup;
  std::vector<std::string> m_figure_credits;
  std::string m_what;
};

}  // namespace

std::optional<core::Box> main_extent(const core::Geometry& city, double pad) {
  const auto parts = core::as_multipolygon(city);
  if (!parts || parts->empty()) {
    return std::nullopt;
  }
  double largest = 0.0;
  for (const auto& p : *parts) {
    largest = std::max(largest, core::bg::area(p));
  }
  std::optional<core::Box> box;
  for (const auto& p : *parts) {
    if (core::bg::area(p) >= 0.02 * largest) {
      core::Box b;
      core::bg::envelope(p, b);
      box = core::merge(box, b);
    }
  }
  return box ? std::optional<core::Box>(padded(*box, pad)) : std::nullopt;
}

Report coverage_report(const CoverageReportInputs& in) {
  if (!in.coverage || !in.boundary) {
    throw core::ArgumentError("a coverage report needs the coverage result and the boundary");
  }
  return Builder(in).build();
}

}  // namespace caremap::report
