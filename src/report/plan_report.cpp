#include "report/plan_report.hpp"

#include <algorithm>
#include <cmath>

#include "core/credit.hpp"
#include "core/error.hpp"
#include "core/number_format.hpp"
#include "report/coverage_report.hpp"
#include "report/plan_report_layers.hpp"
#include "report/plan_report_pages.hpp"

namespace caremap::report {

namespace plan_pages {

namespace {

core::Box region_extent(const PlanReportInputs& in) {
  std::optional<core::Box> box;
  if (in.boundary) {
    for (const core::Feature& f : in.boundary->features) {
      box = core::merge(box, main_extent(f.geometry, 0.0));
    }
  }
  if (!box) {
    for (const auto& p : in.demand->points) {
      box = core::merge(box, core::Box{p.position, p.position});
    }
  }
  return padded(box.value_or(core::Box{{0, 0}, {1000, 1000}}), 0.03);
}

}  // namespace

Context::Context(const PlanReportInputs& inputs) : in(inputs), tr{inputs.lang} {
  std::vector<std::string> used;
  for (const auto& s : in.sites) {
    add_unique(used, s.layer);
  }
  for (const auto& s : in.demand->sources) {
    add_unique(used, s.layer);
  }
  for (const core::SourceRef& s : in.provenance.inputs) {
    if (s.layer.empty() || std::find(used.begin(), used.end(), s.layer) != used.end()) {
      this->inputs.push_back(s);
    }
  }
  for (const core::SourceRef& s : in.demand->sources) {
    this->inputs.push_back(s);
  }
  add_credits(credits, this->inputs);
  provenance = in.provenance;
  provenance.inputs = this->inputs;
  core::add_credit(credits, in.road_credit);
  extent = region_extent(in);
  for (std::size_t s = 0; s < in.sites.size(); ++s) {
    all_sites.push_back(static_cast<std::uint32_t>(s));
  }
}

std::string Context::reach() const {
  return plan::reach_label(in.reach).in(in.lang);
}

std::string Context::minutes(double s) const {
  return std::isfinite(s) ? core::format_fixed(s / 60.0, 1) : "–";
}

std::string Context::km(double m) const {
  return std::isfinite(m) ? core::format_fixed(m / 1000.0, 1) : "–";
}

std::string Context::cost(double v) const {
  if (!std::isfinite(v)) {
    return "–";
  }
  return in.reach.measure == plan::ReachMeasure::time ? minutes(v) + tr(" 分", " min")
                                                      : km(v) + " km";
}

std::string Context::candidate_name(std::uint32_t candidate) const {
  const plan::PlanSite& site = in.candidates.at(candidate);
  // A grid candidate stands on the demand point (census cell piece) with the most people in
  // its square: name it by that cell's city and mesh code.
  const analysis::DemandPoint* best = nullptr;
  double best_d = 1.0;  // metres: the candidate is on the point
  for (const auto& p : in.demand->points) {
    const double d = std::hypot(p.position.x - site.position.x, p.position.y - site.position.y);
    if (d < best_d) {
      best_d = d;
      best = &p;
    }
  }
  if (!best) {
    return site.name;
  }
  const std::string city =
      best->city == analysis::kNoCity ? std::string() : in.demand->cities[best->city] + " ";
  return city + tr("メッシュ ", "mesh ") + best->label;
}

MapBlock Context::base_map(std::string caption, const core::Box& box) const {
  MapBlock m;
  m.extent = box;
  m.caption = std::move(caption);
  if (in.boundary) {
    MapLayer b = map_layer(in.boundary, {}, false);
    m.layers.push_back(std::move(b));
  }
  if (in.roads) {
    m.layers.push_back(map_layer(in.roads, tr("道路", "Roads")));
  }
  return m;
}

MapLayer Context::sites_layer(const std::vector<std::uint32_t>& closed) const {
  std::vector<std::uint32_t> open;
  for (const std::uint32_t s : all_sites) {
    if (std::find(closed.begin(), closed.end(), s) == closed.end()) {
      open.push_back(s);
    }
  }
  return site_points_layer(in.sites, open, core::Category::clinic, "plan_sites", in.sites_title,
                           std::nullopt, in.crs, provenance);
}

Page Context::page(std::string heading) const {
  Page p;
  p.heading = std::move(heading);
  p.credits = credits;
  return p;
}

namespace {

std::string people(double v) {
  return core::format_people(v);
}

TableBlock city_table(const Context& c) {
  const auto& tr = c.tr;
  const plan::BackupCover& cover = *c.in.cover;
  TableBlock t;
  t.caption = tr("市別：", "By city: ") + c.in.sites_title + tr("が", " ") + c.reach() +
              tr("にある人", " of people");
  t.headers = {tr("市", "city"),
               tr("人口", "people"),
               tr("圏内（1か所以上）", "1+ in reach"),
               tr("2か所以上", "2+ (a backup)"),
               tr("1か所のみ", "only 1"),
               tr("0か所", "none"),
               tr("75歳以上", "75+"),
               tr("75歳以上で0か所", "75+ with none")};
  t.align.assign(t.headers.size(), Align::right);
  t.align[0] = Align::left;
  const auto row = [&](const std::string& name, const plan::CoverCounts& k) {
    const double all = k.people.people;
    t.rows.push_back(
        {name, people(all),
         people(all - k.none.people) + tr.bracketed(core::format_share(all - k.none.people, all)),
         core::format_share(k.two_plus.people, all), people(k.one.people), people(k.none.people),
         people(k.people.people_75plus), people(k.none.people_75plus)});
  };
  for (std::size_t i = 0; i < c.in.demand->cities.size(); ++i) {
    row(c.in.demand->cities[i], cover.cities[i]);
  }
  row(tr("計", "all"), cover.total);
  t.last_row_is_total = true;
  t.note = tr("人口は2020年国勢調査の500mメッシュ人口を市の境界で面積按分した値（四捨五入）。",
              "People: the 2020 census 500 m mesh population apportioned to the cities by area "
              "(rounded).");
  return t;
}

}  // namespace

Page summary_page(const Context& c) {
  const auto& tr = c.tr;
  const PlanReportInputs& in = c.in;
  const plan::CoverCounts& total = in.cover->total;
  Page p = c.page(tr("要点", "Key figures"));
  TextBlock key;
  const double all = total.people.people;
  const double all75 = total.people.people_75plus;
  const double covered = all - total.none.people;
  const double covered75 = all75 - total.none.people_75plus;
  const bool ja = in.lang == core::Lang::ja;
  key.paragraphs.push_back(
      ja ? "人口 " + people(all) + " 人（75歳以上 " + people(all75) + " 人）のうち、" +
               people(covered) + " 人（" + core::format_share(covered, all) + "）は" + c.reach() +
               "に" + in.sites_title + "がある。75歳以上では " + people(covered75) + " 人（" +
               core::format_share(covered75, all75) +
               "）。主治医と副主治医の両方（2か所以上）が圏内なのは " +
               people(total.two_plus.people) + " 人（" +
               core::format_share(total.two_plus.people, all) + "）。"
         : "Of " + people(all) + " people (" + people(all75) + " aged 75+), " + people(covered) +
               " (" + core::format_share(covered, all) + ") have one of the " + in.sites_title +
               " " + c.reach() + "; of those aged 75+, " + people(covered75) + " (" +
               core::format_share(covered75, all75) +
               "). Both a primary and a backup (2 or more in reach): " +
               people(total.two_plus.people) + " (" +
               core::format_share(total.two_plus.people, all) + ").");
  if (in.solution && in.with_new_sites && !in.solution->chosen.empty()) {
    const plan::CoverComparison change =
        plan::compare_cover(*in.demand, *in.cover, *in.with_new_sites);
    std::string names;
    for (const std::uint32_t k : in.solution->chosen) {
      names += (names.empty() ? "" : tr("、", ", ")) + c.candidate_name(k);
    }
    const double after = covered + change.total.gained_cover.people;
    if (!(change.total.gained_cover.people >= 0.5)) {
      key.paragraphs.push_back(
          tr("新しい地点を加えても、圏内になる人は増えない（道路で届く人は"
             "すでに全員が圏内）。",
             "No new site would bring anyone more within reach: everyone a "
             "site can reach by road is within reach already."));
    } else {
      // sites_title is a plural in English ("clinics"): one new site is "a new site".
      const std::size_t added = in.solution->chosen.size();
      key.paragraphs.push_back(
          tr("推奨地点（", "Adding ") +
          (in.lang == core::Lang::ja ? names
           : added == 1              ? std::string("a new site at the recommended place (")
                        : std::to_string(added) + " new sites at the recommended places (") +
          tr("）に", "") +
          (in.lang == core::Lang::ja
               ? in.sites_title + "を" + std::to_string(in.solution->chosen.size()) + "か所"
               : names) +
          tr("加えると、圏内の人は ", ") brings ") + people(change.total.gained_cover.people) +
          tr(" 人（75歳以上 ", " more people (") + people(change.total.gained_cover.people_75plus) +
          tr(" 人）増えて ", " aged 75+) within reach: ") + people(after) + tr(" 人（", " (") +
          core::format_share(after, all) + tr("）になる。", ")."));
    }
  }
  if (in.solution && in.solution->score.unservable_points > 0) {
    const bool road = !in.road_credit.empty();
    key.paragraphs.push_back(
        people(in.solution->score.unservable_people) +
        (road ? tr(" 人は、道路でつながらない島などにいて、どの地点からも道路では圏内にできない。",
                   " people live where no site can reach them by road (islands without a road).")
              : tr(" 人は、どの候補地からも圏内にできない。",
                   " people are beyond the reach of every candidate site.")));
  }
  if (!in.losses.empty() && !(in.losses[0].lost_cover.people >= 0.5) &&
      !(in.losses[0].lost_backup.people >= 0.5)) {
    key.paragraphs.push_back(
        tr("N-1：どの1か所が閉じても、圏内の施設や副主治医を失う人はいない。",
           "N-1: no single closure leaves anyone without a site or a backup in reach."));
  }
  if (!in.losses.empty() &&
      (in.losses[0].lost_cover.people >= 0.5 || in.losses[0].lost_backup.people >= 0.5)) {
    const plan::CoverLoss& w = in.losses[0];
    std::string names;
    for (const std::uint32_t s : w.removed) {
      names += (names.empty() ? "" : tr("、", ", ")) + in.sites[s].name;
    }
    key.paragraphs.push_back(tr("最も影響の大きい", "The weakest point: if ") +
                             (in.lang == core::Lang::ja ? in.sites_title + "は" : "") + names +
                             tr("。閉じると ", " closed, ") + people(w.lost_cover.people) +
                             tr(" 人（75歳以上 ", " people (") +
                             people(w.lost_cover.people_75plus) +
                             tr(" 人）が圏内の", " aged 75+) lose all their ") + in.sites_title +
                             tr("を失い、", " in reach and ") + people(w.lost_backup.people) +
                             tr(" 人が副主治医を失う。", " lose their backup."));
  }
  std::size_t beyond = 0;
  std::string far_names;
  for (const auto& n : in.neighbours) {
    if (n.beyond_reach) {
      far_names += (beyond++ ? tr("、", ", ") : "") + in.sites[n.site].name;
    }
  }
  if (!in.neighbours.empty()) {
    key.paragraphs.push_back(
        beyond == 0 ? (ja ? "どの" + in.sites_title + "にも、" + c.reach() + "に別の" +
                                in.sites_title + "がある（副主治医の候補）。"
                          : "Every one of the " + in.sites_title + " has another " + c.reach() +
                                ": a backup (副主治医) can come from nearby.")
                    : (ja ? c.reach() + "に別の" + in.sites_title + "がない" + in.sites_title +
                                "：" + far_names + "（" + std::to_string(beyond) + "か所）。"
                          : "With no other " + c.reach() + ": " + far_names + " (" +
                                std::to_string(beyond) + ")."));
  }
  p.blocks.push_back(std::move(key));

  MapBlock m = c.base_map(tr("地図：", "Map: ") + c.reach() + tr("にある", " — how many ") +
                              in.sites_title + tr("の数（500mメッシュ）", " reach each 500 m cell"),
                          c.extent);
  const std::vector<int> states = reach_states(*in.demand, *in.cover);
  m.layers.insert(
      m.layers.begin() + (in.boundary ? 1 : 0),
      cell_state_layer(
          *in.demand, states, "plan_reach", c.in.sites_title + tr("の数", " in reach"),
          {style::rgb(0xD55E00, 200), style::rgb(0xF0E442, 200), style::rgb(0xA6D9C7, 170)},
          {tr("0か所（圏外）", "none"), tr("1か所（副主治医なし）", "1 (no backup)"),
           tr("2か所以上", "2 or more")},
          in.crs, c.provenance));
  m.layers.push_back(c.sites_layer());
  m.height_share = 1.0;
  p.blocks.push_back(std::move(m));
  p.blocks.push_back(city_table(c));
  return p;
}

Page conditions_page(const Context& c) {
  const auto& tr = c.tr;
  const PlanReportInputs& in = c.in;
  Page p = c.page(tr("データと条件", "Data and conditions"));
  KeyValueBlock run;
  run.heading = tr("分析の条件", "Analysis");
  run.rows.push_back({tr("対象地域", "Region"), in.region_title});
  run.rows.push_back(
      {tr("分析", "Analyses"),
       tr("主治医・副主治医の圏内（caremap plan backup）、N-1（plan n-1）、新しい施設の"
          "最大被覆（plan locate --model mclp）、最寄りの別の施設",
          "backup cover (caremap plan backup), N-1 (plan n-1), maximal covering for new sites "
          "(plan locate --model mclp), the nearest other site")});
  std::string sites = std::to_string(in.sites.size()) + " " + in.sites_title;
  if (in.in_house_left_out > 0) {
    sites += tr("（施設内医務室 ", " (") + std::to_string(in.in_house_left_out) +
             tr(" か所は入所者のみを診るため除外）",
                " in-house clinics of nursing homes left out: they see their residents only)");
  }
  run.rows.push_back({tr("対象の施設", "Sites"), sites});
  run.rows.push_back({tr("圏内の範囲", "Reach"), c.reach()});
  run.rows.push_back({tr("距離の基準", "Distance"), in.provenance.basis.distance.in(in.lang)});
  run.rows.push_back({tr("人口の基準", "People"), in.provenance.basis.demand.in(in.lang)});
  if (in.solution) {
    const plan::LocationSolution& s = *in.solution;
    run.rows.push_back(
        {tr("新しい施設の候補", "Candidate sites"),
         std::to_string(in.candidates.size()) + tr(" 地点（格子ごとに人口が最も多いメッシュの点）",
                                                   " (per grid square, the most populated cell)")});
    run.rows.push_back(
        {tr("解法", "Solver"), s.method + tr("、ギャップ ", ", gap ") +
                                   core::format_fixed(100.0 * s.gap, 3) + " %" + tr("、", ", ") +
                                   core::format_fixed(s.seconds, 3) + tr(" 秒", " s")});
  }
  run.rows.push_back({tr("地図の道路", "Roads on the maps"),
                      in.road_basis.empty() ? tr("なし", "none") : in.road_basis.in(in.lang)});
  SourceNames names = source_names({in.boundary, in.roads}, in.lang);
  // Hundreds of sites share a few layers: each layer named once.
  const auto name_once = [&names](const std::string& layer, const std::string& title) {
    if (std::none_of(names.begin(), names.end(), [&](const auto& n) { return n.first == layer; })) {
      names.emplace_back(layer, title);
    }
  };
  for (const plan::PlanSite& s : in.sites) {
    name_once(s.layer, in.sites_title);
  }
  for (const core::SourceRef& s : in.demand->sources) {
    name_once(s.layer, tr("人口", "Population"));
  }
  // The reach in the report's words; the parameter keeps its exact measure ("1200 s").
  auto params = in.provenance.parameters;
  for (auto& [k, v] : params) {
    if (k == "reach" && in.lang == core::Lang::ja) {
      v = c.reach() + "（" + plan::reach_parameter(in.reach) + "）";
    }
  }
  run.rows.push_back({tr("パラメータ", "Parameters"), parameters_text(params, in.lang, names)});
  run.rows.push_back({tr("作成日", "Date"), in.date});
  run.rows.push_back({tr("ソフトウェア", "Software"), in.software});
  p.blocks.push_back(std::move(run));

  const std::vector<core::SourceRef> inputs = with_inputs_of(c.inputs, {in.boundary, in.roads});
  p.blocks.push_back(sources_block(inputs, in.lang, names));

  TextBlock limits;
  limits.heading = tr("読み方と限界", "How to read this, and limits");
  limits.paragraphs.push_back(
      tr("「圏内」は、", "Within reach means ") + c.reach() +
      tr("に施設があること。所要時間・距離は施設から自宅へ（往診・訪問の向き）で、基準は次のとおり"
         "：",
         " from the site to the home (the direction of a home visit), measured as: ") +
      in.provenance.basis.distance.in(in.lang) + tr("。", "."));
  if (!in.road_credit.empty()) {
    limits.paragraphs.push_back(
        tr("道路網はそのデータの年次のもので、その後に開通した道路は含まない。幹線道路のみの道路網"
           "では、"
           "生活道路の区間を直線のアクセス区間で補っている。",
           "The road network is as of its data's year: roads opened since are not in it. On a "
           "trunk-road-only network, the local streets are stood in for by straight access legs."));
  }
  limits.paragraphs.push_back(tr(
      "人口は500mメッシュの人口を市の境界で面積按分したもので、メッシュ内では一様に住むとみなす。"
      "施設の位置は各データの座標（診療所は住所の代表点による近似）。",
      "People are the 500 m mesh population apportioned to the cities by area, spread evenly "
      "within a cell. Sites are where their data places them (clinics at address representative "
      "points)."));
  limits.paragraphs.push_back(
      tr("候補地ごとの「新たに圏内」は、その1か所だけを加えた場合の人数で、候補どうしで重なるため"
         "合計はできない。推奨地点は重なりを除いて最も多くの人を圏内にする組み合わせ（最大被覆）。",
         "Each candidate's gain is for that site alone; gains overlap, so they do not add up. The "
         "recommended sites are the combination that puts the most people within reach "
         "(maximal covering), each person counted once."));
  p.blocks.push_back(std::move(limits));
  add_credits(p.credits, inputs);
  return p;
}

}  // namespace plan_pages

Report plan_report(const PlanReportInputs& in) {
  if (!in.demand || !in.cover) {
    throw core::ArgumentError("a plan report needs the demand and the backup cover");
  }
  if (in.cover->points.size() != in.demand->points.size() ||
      in.cover->partners.size() != in.sites.size()) {
    throw core::ArgumentError("a plan report's cover must be of its demand and sites");
  }
  if (in.access && (in.access->access.size() != in.demand->points.size() ||
                    in.access->ratio.size() != in.sites.size())) {
    throw core::ArgumentError("a plan report's accessibility must be of its demand and sites");
  }
  if (!in.neighbours.empty() && in.neighbours.size() != in.sites.size()) {
    throw core::ArgumentError("a plan report needs the nearest other sites of every site");
  }
  const plan_pages::Context c(in);
  const Tr& tr = c.tr;
  Report report;
  report.lang = in.lang;
  report.date = in.date;
  report.software = in.software;
  report.title =
      in.lang == core::Lang::ja
          ? in.region_title + "　在宅医療の計画：副主治医・N-1・新しい" + in.sites_title
          : in.region_title + ": home care planning — backups, N-1, new " + in.sites_title;
  report.subtitle = tr("所要時間：", "Times: ") + in.provenance.basis.distance.in(in.lang) +
                    tr("／圏内：", " / Reach: ") + c.reach() + tr("／人口：", " / People: ") +
                    in.provenance.basis.demand.in(in.lang);
  report.pages.push_back(plan_pages::summary_page(c));
  if (auto p = plan_pages::location_page(c)) {
    report.pages.push_back(std::move(*p));
  }
  for (Page& p : plan_pages::n_minus_one_pages(c)) {
    report.pages.push_back(std::move(p));
  }
  for (Page& p : plan_pages::backup_pages(c)) {
    report.pages.push_back(std::move(p));
  }
  if (auto p = plan_pages::access_page(c)) {
    report.pages.push_back(std::move(*p));
  }
  report.pages.push_back(plan_pages::conditions_page(c));
  return report;
}

}  // namespace caremap::report
