// The plan report's pages about sites: where to add one (the recommended sites with the gap
// they close, the candidates ranked) and who could stand in for each (副主治医: the nearest
// other sites, flagged beyond the reach).

#include <algorithm>
#include <cmath>

#include "core/number_format.hpp"
#include "report/plan_report_layers.hpp"
#include "report/plan_report_pages.hpp"

namespace caremap::report::plan_pages {

namespace {

constexpr std::size_t kCandidateRows = 10;

double cells_area_m2(const analysis::Demand& demand, const std::vector<int>& states, int state) {
  double a = 0.0;
  for (std::size_t i = 0; i < states.size(); ++i) {
    if (states[i] == state) {
      a += core::area(demand.points[i].shape).value;
    }
  }
  return a;
}

std::string km2(double m2) {
  return core::format_fixed(m2 / 1e6, 2);
}

TableBlock candidate_table(const Context& c, const plan::CoverComparison& change,
                           double closed_m2) {
  const auto& tr = c.tr;
  const PlanReportInputs& in = c.in;
  const std::vector<std::uint32_t>& chosen = in.solution->chosen;
  TableBlock t;
  t.caption = tr("候補地：1か所だけ加えたときに新たに圏内になる人（多い順）",
                 "Candidate sites: people newly within reach if this one alone is added");
  t.headers = {tr("順位", "rank"),
               tr("候補地（市・メッシュ）", "candidate (city, mesh)"),
               tr("位置", "position"),
               tr("新たに圏内（人）", "newly in reach"),
               tr("うち75歳以上", "of them 75+"),
               tr("面積（km²）", "area (km²)"),
               tr("推奨", "chosen")};
  t.align = {Align::right, Align::left,  Align::left, Align::right,
             Align::right, Align::right, Align::left};
  // Equal gains share a rank; among them the chosen sites come first.
  std::vector<const plan::CandidateGain*> ranked;
  for (const auto& g : in.gains) {
    ranked.push_back(&g);
  }
  const auto is_chosen = [&](const plan::CandidateGain* g) {
    return std::find(chosen.begin(), chosen.end(), g->candidate) != chosen.end();
  };
  std::stable_sort(ranked.begin(), ranked.end(), [&](const auto* a, const auto* b) {
    if (a->gained.people != b->gained.people) {
      return a->gained.people > b->gained.people;
    }
    return is_chosen(a) && !is_chosen(b);
  });
  std::size_t shown = 0;
  std::size_t rank = 0;
  for (std::size_t r = 0; r < ranked.size(); ++r) {
    const plan::CandidateGain& g = *ranked[r];
    if (r == 0 || g.gained.people != ranked[r - 1]->gained.people) {
      rank = r + 1;
    }
    const bool mark = is_chosen(&g);
    if (!mark && (shown >= kCandidateRows || !(g.gained.people >= 0.5))) {
      continue;
    }
    ++shown;
    t.rows.push_back(
        {std::to_string(rank), c.candidate_name(g.candidate),
         g.candidate < in.candidate_places.size() ? in.candidate_places[g.candidate] : "",
         core::format_people(g.gained.people), core::format_people(g.gained.people_75plus),
         km2(g.area_m2), mark ? tr("★ 推奨", "★ chosen") : ""});
  }
  t.rows.push_back({"", tr("推奨地点の合計（重なりを除く）", "the chosen sites together"), "",
                    core::format_people(change.total.gained_cover.people),
                    core::format_people(change.total.gained_cover.people_75plus), km2(closed_m2),
                    ""});
  t.last_row_is_total = true;
  t.note = tr("候補地は、人の住む", "Candidates: in every ") + in.grid_spacing +
           tr("格子ごとに人口が最も多いメッシュの点（",
              " grid square where people live, its most "
              "populated cell (") +
           std::to_string(in.candidates.size()) +
           tr("地点）。同じ人数の候補は同じ順位。1か所ずつの人数は重なるため足し合わせられない。",
              " sites). Equal gains share a rank. Gains of different candidates overlap and do "
              "not add up.");
  return t;
}

}  // namespace

std::optional<Page> location_page(const Context& c) {
  const PlanReportInputs& in = c.in;
  if (!in.solution || !in.with_new_sites) {
    return std::nullopt;
  }
  const auto& tr = c.tr;
  Page p = c.page(
      tr("新しい", "Where to add ") + in.sites_title +
      tr("の推奨地点と、それで埋まる空白", ": the recommended sites and the gap they close"));
  const plan::CoverComparison change =
      plan::compare_cover(*in.demand, *in.cover, *in.with_new_sites);
  const std::vector<int> states = gap_states(*in.demand, *in.cover, *in.with_new_sites);
  const double closed_m2 = cells_area_m2(*in.demand, states, 1);

  const bool gains = change.total.gained_cover.people >= 0.5;
  TextBlock what;
  std::string names;
  for (const std::uint32_t k : in.solution->chosen) {
    names += (names.empty() ? "" : tr("、", ", ")) + c.candidate_name(k);
  }
  if (!gains) {
    what.paragraphs.push_back(
        tr("どの候補地を加えても、新たに圏内になる人はいない：候補地から届く人は、すでに全員が",
           "No candidate brings anyone more within reach: everyone a candidate could reach has "
           "a site ") +
        c.reach() +
        tr("に施設がある。残る空白（地図）は、どの候補地からも届かない地区。",
           " already. The gap left (map) is beyond the reach of every candidate."));
  } else {
    what.paragraphs.push_back(
        tr("推奨地点：", "Recommended: ") + names + tr("。今ある", ". With the ") +
        std::to_string(in.sites.size()) + tr("か所に加えると、", " existing sites kept, ") +
        core::format_people(change.total.gained_cover.people) + tr(" 人（75歳以上 ", " people (") +
        core::format_people(change.total.gained_cover.people_75plus) + tr(" 人、", " aged 75+, ") +
        km2(closed_m2) + tr(" km²）が新たに", " km²) come ") + c.reach() + tr("になる。", ".") +
        tr("（最大被覆モデル、", " (maximal covering, ") + in.solution->method +
        tr("、ギャップ ", ", gap ") + core::format_fixed(100.0 * in.solution->gap, 3) +
        tr(" %）", " %)"));
  }
  p.blocks.push_back(std::move(what));

  MapBlock m = c.base_map(
      (gains ? tr("地図：推奨地点（新設候補地、白抜きの星）と、今は",
                  "Map: the recommended sites (proposed sites, open stars) and the cells with no ")
             : tr("地図：今は", "Map: the cells with no ")) +
          (in.lang == core::Lang::ja ? in.sites_title + "が" + c.reach() + "にないメッシュ"
                                     : in.sites_title + " " + c.reach() + " today"),
      c.extent);
  m.layers.insert(
      m.layers.begin() + (in.boundary ? 1 : 0),
      cell_state_layer(
          *in.demand, states, "plan_gap", tr("空白のメッシュ", "Gap cells"),
          {style::rgb(0xD55E00, 200), style::rgb(0x009E73, 200), style::rgb(0xF0E442, 170)},
          {tr("圏外のまま", "still none in reach"),
           tr("推奨地点で圏内に", "within reach of a new site"),
           tr("1か所のみ（副主治医なし）", "only 1 (no backup)")},
          in.crs, c.provenance));
  m.layers.push_back(c.sites_layer());
  if (gains) {
    m.layers.push_back(site_points_layer(
        in.candidates, in.solution->chosen, core::Category::proposed_site, "plan_new_sites",
        tr("新設候補地（推奨された", "Proposed sites (recommended ") + in.sites_title +
            tr("）", ")"),
        std::nullopt, in.crs, c.provenance));
  }
  p.blocks.push_back(std::move(m));
  if (gains) {
    p.blocks.push_back(candidate_table(c, change, closed_m2));
  }
  return p;
}

std::vector<Page> backup_pages(const Context& c) {
  const PlanReportInputs& in = c.in;
  const auto& tr = c.tr;
  std::vector<Page> pages;
  if (in.neighbours.empty()) {
    return pages;
  }
  // The most isolated first: where a backup is hardest to arrange.
  std::vector<const plan::SiteNeighbours*> rows;
  for (const auto& n : in.neighbours) {
    rows.push_back(&n);
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto* a, const auto* b) { return a->nearest_cost > b->nearest_cost; });
  std::size_t beyond = 0;
  for (const auto* n : rows) {
    beyond += n->beyond_reach ? 1 : 0;
  }
  const std::size_t per_page = std::max<std::size_t>(in.rows_per_page, 10);
  for (std::size_t first = 0; first < rows.size(); first += per_page) {
    Page p = c.page(tr("副主治医の候補：最寄りの別の", "Who could stand in: the nearest other ") +
                    in.sites_title + (first == 0 ? std::string() : tr("（続き）", " (continued)")));
    TableBlock t;
    t.caption = tr("各", "For each of the ") + in.sites_title +
                tr("から最も近い別の", " the nearest other ") + in.sites_title +
                tr("（遠い順）", " (farthest first)");
    t.headers = {in.sites_title,
                 tr("最寄りの別の施設", "nearest other"),
                 tr("分", "min"),
                 "km",
                 tr("2番目（分）", "2nd (min)"),
                 tr("圏内の別の施設", "others in reach"),
                 tr("共有率", "shared"),
                 tr("判定", "flag")};
    t.align = {Align::left,  Align::left,  Align::right, Align::right,
               Align::right, Align::right, Align::right, Align::left};
    std::size_t same_point = 0;  // rows whose nearest other site stands on the same point
    for (std::size_t k = first; k < rows.size() && k < first + per_page; ++k) {
      const plan::SiteNeighbours& n = *rows[k];
      if (!n.nearest.empty() && n.nearest[0].length_m < 50.0) {
        ++same_point;
      }
      const plan::PartnerRow& partner = in.cover->partners[n.site];
      std::vector<std::string> row{in.sites[n.site].name};
      if (n.nearest.empty()) {
        row.insert(row.end(), {tr("道路で到達できない", "none by road"), "–", "–"});
      } else {
        row.insert(row.end(), {in.sites[n.nearest[0].site].name, c.minutes(n.nearest[0].time_s),
                               c.km(n.nearest[0].length_m)});
      }
      row.push_back(n.nearest.size() > 1 ? c.minutes(n.nearest[1].time_s) : "–");
      row.push_back(std::to_string(n.others_in_reach));
      row.push_back(partner.people_in_reach > 0.0
                        ? core::format_share(partner.people_shared, partner.people_in_reach)
                        : "–");
      row.push_back(n.beyond_reach ? tr("※圏内に無し", "* none in reach") : "");
      t.rows.push_back(std::move(row));
    }
    t.note =
        tr("分・kmは別の施設からこの施設まで（代わりに往診する向き）。圏内の別の施設：",
           "Min and km from the other site to this one (the one standing in travels). Others in "
           "reach: sites ") +
        c.reach() +
        tr("の別の施設の数。共有率：この施設の圏内の人のうち、圏内の人を最も多く共有する施設（自然"
           "な"
           "副主治医の相手）も圏内にする割合。※：最寄りの別の施設が",
           ". Shared: of the people this site reaches, the share its natural partner (the site "
           "sharing most of them) also reaches. *: the nearest other site is not ") +
        c.reach() + tr("にない施設（", " (") + std::to_string(beyond) + tr("か所）。", " sites).");
    if (same_point > 0) {
      // Sites placed at an address representative point (町丁目・大字) share it with every
      // other site of that town block: 0.0 is where they stand in the data, not a road distance.
      t.note += tr("0.0 分・0.0 km：同じ地点に置かれた施設どうし（同じ建物、または住所の代表点"
                   "（町丁目・大字）が同じ。診療所の位置はこの代表点による近似）。この表で ",
                   " 0.0 min, 0.0 km: both sites stand on the same point (the same building, or "
                   "the same address representative point (町丁目/大字): clinics are placed at "
                   "these points). ") +
                std::to_string(same_point) +
                tr(" 件。", same_point == 1 ? " row on this page." : " rows on this page.");
    }
    p.blocks.push_back(std::move(t));
    pages.push_back(std::move(p));
  }
  return pages;
}

}  // namespace caremap::report::plan_pages
