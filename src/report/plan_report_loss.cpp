// The plan report's N-1 pages: the clinics ranked by the people who lose cover when each
// closes (table and bars), and the worst case on a map.

#include <algorithm>

#include "core/number_format.hpp"
#include "report/plan_report_layers.hpp"
#include "report/plan_report_pages.hpp"

namespace caremap::report::plan_pages {

namespace {

constexpr std::size_t kRankRows = 15;
constexpr std::size_t kBars = 10;

bool hurts(const plan::CoverLoss& l) {
  return l.lost_cover.people >= 0.5 || l.lost_backup.people >= 0.5;
}

std::string removed_names(const Context& c, const plan::CoverLoss& l) {
  std::string out;
  for (const std::uint32_t s : l.removed) {
    out += (out.empty() ? "" : c.tr("、", ", ")) + c.in.sites[s].name;
  }
  return out;
}

ChartBlock loss_bars(const Context& c, bool backup) {
  ChartBlock chart;
  chart.caption =
      backup ? c.tr("閉じると副主治医を失う人（上位）", "People who lose their backup (top)")
             : c.tr("閉じると圏内の施設を失う人（上位）", "People left with none in reach (top)");
  chart.axis_label = c.tr("人", "people");
  chart.colour = backup ? style::okabe_ito::orange : style::okabe_ito::vermillion;
  std::vector<const plan::CoverLoss*> sorted;
  for (const auto& l : c.in.losses) {
    sorted.push_back(&l);
  }
  std::stable_sort(sorted.begin(), sorted.end(), [&](const auto* a, const auto* b) {
    return (backup ? a->lost_backup.people > b->lost_backup.people
                   : a->lost_cover.people > b->lost_cover.people);
  });
  for (const plan::CoverLoss* l : sorted) {
    const analysis::PeopleCount& n = backup ? l->lost_backup : l->lost_cover;
    if (chart.bars.size() >= kBars || !(n.people >= 0.5)) {
      break;
    }
    chart.bars.push_back({removed_names(c, *l), n.people,
                          core::format_people(n.people) + c.tr("（75歳以上 ", " (75+: ") +
                              core::format_people(n.people_75plus) + c.tr("）", ")")});
  }
  return chart;
}

Page n_minus_one_page(const Context& c) {
  const auto& tr = c.tr;
  const PlanReportInputs& in = c.in;
  Page p = c.page(tr("N-1：1か所が閉じたら、誰が圏内の", "N-1: if one closes, who loses ") +
                  in.sites_title + tr("を失うか", ""));
  TableBlock t;
  t.caption = tr("影響の大きい順（圏内の施設を失う人、次に75歳以上、次に副主治医を失う人）",
                 "Ranked by the people left with none in reach, then 75+, then those who lose "
                 "their backup");
  t.headers = {tr("順位", "rank"),
               tr("閉じる施設", "closed"),
               tr("圏内の施設を失う人", "left with none"),
               tr("うち75歳以上", "of them 75+"),
               tr("副主治医を失う人", "lose the backup"),
               tr("うち75歳以上", "of them 75+")};
  t.align = {Align::right, Align::left, Align::right, Align::right, Align::right, Align::right};
  for (const auto& city : in.demand->cities) {
    t.headers.push_back(city + tr("：失う人", ": none left"));
    t.align.push_back(Align::right);
  }
  std::size_t harmless = 0;
  for (std::size_t k = 0; k < in.losses.size(); ++k) {
    const plan::CoverLoss& l = in.losses[k];
    if (!hurts(l)) {
      ++harmless;
      continue;
    }
    if (t.rows.size() >= kRankRows) {
      continue;
    }
    std::vector<std::string> row{std::to_string(k + 1),
                                 removed_names(c, l),
                                 core::format_people(l.lost_cover.people),
                                 core::format_people(l.lost_cover.people_75plus),
                                 core::format_people(l.lost_backup.people),
                                 core::format_people(l.lost_backup.people_75plus)};
    for (const auto& city : l.lost_cover_by_city) {
      row.push_back(core::format_people(city.people));
    }
    t.rows.push_back(std::move(row));
  }
  const std::size_t hurting = in.losses.size() - harmless;
  t.note = (in.lang == core::Lang::ja
                ? "閉じると誰かが圏内の施設か副主治医を失う施設：" + std::to_string(hurting) +
                      "か所（全" + std::to_string(in.losses.size()) + "か所）。ほかの" +
                      std::to_string(harmless) +
                      "か所は、閉じても全員に別の施設が2か所以上残るか、もともと圏内に人がいない。"
                : std::to_string(hurting) + " of the " + std::to_string(in.losses.size()) +
                      " sites leave someone without cover or backup when closed; for the other " +
                      std::to_string(harmless) +
                      ", everyone keeps two or more, or no one was within their reach.") +
           tr("人数は今の圏内（", " Reach: ") + c.reach() + tr("）で数えた。", ".");
  if (t.rows.empty()) {
    TextBlock none;
    none.paragraphs.push_back(
        tr("どの1か所が閉じても、圏内の施設や副主治医を失う人はいない。",
           "No single closure leaves anyone without a site or a backup in reach."));
    p.blocks.push_back(std::move(none));
    return p;
  }
  p.blocks.push_back(std::move(t));
  ChartBlock cover = loss_bars(c, false);
  if (!cover.bars.empty()) {
    p.blocks.push_back(std::move(cover));
  }
  ChartBlock backup = loss_bars(c, true);
  if (!backup.bars.empty()) {
    p.blocks.push_back(std::move(backup));
  }
  return p;
}

// The worst closure: its map and what it does; empty without losses or the worst-case cover.
std::vector<Block> worst_case(const Context& c) {
  const PlanReportInputs& in = c.in;
  std::vector<Block> out;
  if (in.losses.empty() || !in.worst_case || !hurts(in.losses[0])) {
    return out;
  }
  const auto& tr = c.tr;
  const plan::CoverLoss& w = in.losses[0];
  const std::string names = removed_names(c, w);
  const std::vector<int> states = loss_states(*in.demand, *in.cover, *in.worst_case);
  // Frame the cells that lose something, with the closed site, at least 8 km across.
  std::optional<core::Box> box;
  for (std::size_t i = 0; i < states.size(); ++i) {
    if (states[i] == 0 || states[i] == 1) {
      const auto b = core::envelope(in.demand->points[i].shape);
      box = core::merge(box, b);
    }
  }
  for (const std::uint32_t s : w.removed) {
    const core::XY at = in.sites[s].position;
    box = core::merge(box, core::Box{at, at});
  }
  core::Box extent = padded(box.value_or(c.extent), 0.25);
  constexpr double kMin = 12000.0;
  const double w_m = extent.max_corner().x - extent.min_corner().x;
  const double h_m = extent.max_corner().y - extent.min_corner().y;
  if (w_m < kMin || h_m < kMin) {
    const double cx = (extent.min_corner().x + extent.max_corner().x) / 2;
    const double cy = (extent.min_corner().y + extent.max_corner().y) / 2;
    const double half = std::max({w_m, h_m, kMin}) / 2;
    extent = core::Box{{cx - half, cy - half}, {cx + half, cy + half}};
  }
  MapBlock m = c.base_map(tr("地図：最も影響の大きい場合（", "Map: the worst case (") + names +
                              tr("が閉じる：十字）と、それで圏内の施設・副主治医を失うメッシュ",
                                 " closed: the cross) and the cells that lose cover or backup"),
                          extent);
  m.layers.insert(
      m.layers.begin() + (in.boundary ? 1 : 0),
      cell_state_layer(
          *in.demand, states, "plan_loss", tr("影響", "Effect"),
          {style::rgb(0xD55E00, 210), style::rgb(0xE69F00, 190), style::rgb(0x999999, 150)},
          {tr("圏内の施設を失う", "left with none in reach"),
           tr("副主治医を失う", "loses the backup"), tr("もともと圏外", "none in reach already")},
          in.crs, c.provenance));
  m.layers.push_back(c.sites_layer(w.removed));
  m.layers.push_back(site_points_layer(in.sites, w.removed, core::Category::closure, "plan_closed",
                                       tr("閉じた施設", "Closed site"), std::nullopt, in.crs,
                                       c.provenance));
  out.push_back(std::move(m));
  TextBlock t;
  t.heading = tr("このとき", "Then");
  t.paragraphs.push_back(
      core::format_people(w.lost_cover.people) + tr(" 人（75歳以上 ", " people (") +
      core::format_people(w.lost_cover.people_75plus) +
      tr(" 人）が、", " aged 75+) are left with no ") +
      (in.lang == core::Lang::ja ? c.reach() + "に" + in.sites_title + "がなくなる。"
                                 : in.sites_title + " " + c.reach() + ". ") +
      core::format_people(w.lost_backup.people) + tr(" 人（75歳以上 ", " people (") +
      core::format_people(w.lost_backup.people_75plus) +
      tr(" 人）は圏内が1か所になり、副主治医を失う。", " aged 75+) are left with one: no backup."));
  std::string by_city;
  for (std::size_t i = 0; i < in.demand->cities.size(); ++i) {
    by_city += (by_city.empty() ? "" : tr("、", ", ")) + in.demand->cities[i] + " " +
               core::format_people(w.lost_cover_by_city[i].people) + tr(" 人", "");
  }
  t.paragraphs.push_back(tr("圏内の施設を失う人（市別）：", "Left with none, by city: ") + by_city);
  out.push_back(std::move(t));
  return out;
}

// Rankings this short leave room for the worst case's map on the same page.
constexpr std::size_t kRowsBesideMap = 5;

}  // namespace

std::vector<Page> n_minus_one_pages(const Context& c) {
  if (c.in.losses.empty() || !hurts(c.in.losses.front())) {
    return {};  // the summary says that no single closure costs anyone cover
  }
  Page ranking = n_minus_one_page(c);
  std::vector<Block> worst = worst_case(c);
  std::vector<Page> pages;
  std::size_t rows = 0;
  for (const auto& l : c.in.losses) {
    rows += hurts(l) ? 1 : 0;
  }
  if (rows <= kRowsBesideMap) {
    for (Block& b : worst) {
      ranking.blocks.push_back(std::move(b));
    }
    pages.push_back(std::move(ranking));
  } else {
    pages.push_back(std::move(ranking));
    if (!worst.empty()) {
      Page p = c.page(c.tr("最も影響の大きい場合", "The worst case"));
      p.blocks = std::move(worst);
      pages.push_back(std::move(p));
    }
  }
  return pages;
}

}  // namespace caremap::report::plan_pages
