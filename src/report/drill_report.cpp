#include "report/drill_report.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/number_format.hpp"
#include "report/drill_atlas.hpp"
#include "report/report_parts.hpp"

namespace caremap::report {

namespace {

using core::Lang;

std::string minutes(double s) {
  return core::format_fixed(s / 60.0, 1);
}

// The extent of every patient and hospital of the drill: where its maps look.
core::Box drill_extent(const drill::Scenario& s) {
  std::optional<core::Box> box;
  const auto add = [&](const core::XY& p) { box = core::merge(box, core::Box{p, p}); };
  for (const auto& p : s.patients) {
    add(p.position);
  }
  for (const auto& h : s.hospitals) {
    add(h.position);
  }
  for (const auto& sh : s.shelters) {
    add(sh.position);
  }
  return padded(box.value_or(core::Box{{0, 0}, {1000, 1000}}), 0.08);
}

class Builder {
 public:
  explicit Builder(const DrillReportInputs& in)
      : m_in(in), m_s(*in.scenario), m_r(*in.result), m_tr{in.lang} {
    add_credits(m_credits, m_r.provenance.inputs);
  }

  Report build() const {
    Report report;
    report.lang = m_in.lang;
    report.date = m_in.date;
    report.software = m_in.software;
    // The scenario's title usually names the region already ("宗像市・福津市 災害医療訓練…").
    const bool named =
        m_in.region_title.empty() || m_s.title.find(m_in.region_title) != std::string::npos;
    const std::string region = named ? "" : m_in.region_title + "　";
    report.title = m_in.lang == Lang::ja ? region + "災害訓練の記録：" + m_s.title
                                         : region + "Disaster drill record: " + m_s.title;
    report.subtitle = m_tr("所要時間：", "Times: ") + m_r.basis.in(m_in.lang) + drill_mark();
    report.pages.push_back(timeline_page());
    for (std::size_t k = 0; k < m_r.injects.size(); ++k) {
      report.pages.push_back(inject_page(k));
    }
    // The hospital tables apart from the maps, so each map keeps the page's height (a drill
    // map's legend, one colour per hospital, must not hide the patients).
    for (std::size_t k = 0; k < m_r.injects.size(); k += kLoadTablesPerPage) {
      report.pages.push_back(loads_page(k));
    }
    if (m_in.hospital_atlas) {
      for (Page& p : hospital_atlas_pages(m_in, m_credits)) {
        report.pages.push_back(std::move(p));
      }
    }
    report.pages.push_back(not_placed_page());
    report.pages.push_back(conditions_page());
    return report;
  }

 private:
  std::string drill_mark() const {
    return m_s.drill_data ? m_tr("（訓練用データ：患者は架空）", " (drill data: made-up patients)")
                          : "";
  }

  std::string at(const drill::InjectResult& r) const { return inject_time(r, m_in.lang); }

  std::string hospitals_named(const std::vector<std::uint32_t>& hs) const {
    std::string out;
    for (const std::uint32_t h : hs) {
      out += (out.empty() ? "" : m_tr("、", ", ")) + m_s.hospitals[h].name;
    }
    return out.empty() ? m_tr("なし", "none") : out;
  }

  Page timeline_page() const {
    Page p;
    p.heading = m_tr("経過（状況付与ごと）", "Timeline (inject by inject)");
    TableBlock t;
    t.caption = m_tr("入院先の調整の経過", "Beds found, inject by inject");
    t.headers = {m_tr("時刻", "time"),
                 m_tr("状況", "inject"),
                 m_tr("配置", "placed"),
                 m_tr("未配置", "not placed"),
                 m_tr("平均（分）", "mean (min)"),
                 m_tr("最大（分）", "max (min)"),
                 m_tr("転院", "moved"),
                 m_tr("80 %超の病院", "hospitals > 80 %")};
    t.align = {Align::left,  Align::left,  Align::right, Align::right,
               Align::right, Align::right, Align::right, Align::left};
    // The hospitals above 80 % can be most of the drill's hospitals: their names wrap.
    t.wrap_column = 7;
    for (const drill::InjectResult& r : m_r.injects) {
      const drill::InjectSummary& s = r.summary;
      t.rows.push_back(
          {at(r), r.state.title, std::to_string(s.placed) + " / " + std::to_string(s.bed_patients),
           std::to_string(s.not_placed), minutes(s.mean_time_s), minutes(s.max_time_s),
           std::to_string(r.change.moved.size()), hospitals_named(s.above_80_percent)});
    }
    t.note = m_tr(
        "配置・未配置はベッドが必要な患者。転院は前の状況から搬送先が変わった人数"
        "（避難所を含む）。",
        "Placed and not placed count the patients who need a bed; moved counts those "
        "whose destination changed since the inject before (shelters included).");
    p.blocks.push_back(std::move(t));

    const drill::InjectResult& last = m_r.injects.back();
    ChartBlock loads;
    loads.caption = m_tr("最後の状況での病院の使用率（", "Hospital load at the last inject (") +
                    at(last) + m_tr("）", ")");
    loads.axis_label = "%";
    loads.max_value = 100.0;
    for (std::size_t h = 0; h < m_s.hospitals.size(); ++h) {
      const drill::HospitalLoad& l = last.hospitals[h];
      const double share = 100.0 * std::min(1.0, l.share());
      loads.bars.push_back({m_s.hospitals[h].name, share,
                            std::to_string(l.load) + "/" + std::to_string(l.capacity()) +
                                (l.damaged ? m_tr(" 被災", " damaged") : "")});
    }
    p.blocks.push_back(std::move(loads));

    TextBlock key;
    key.heading = m_tr("要点", "Key figures");
    const drill::InjectSummary& s = last.summary;
    key.paragraphs.push_back(
        m_tr("最後の状況（", "At the last inject (") + at(last) +
        m_tr("）で、ベッドが必要な ", "), ") + std::to_string(s.placed) +
        m_tr(" 人に入院先が決まり、", " of ") +
        (m_in.lang == Lang::ja
             ? std::to_string(s.not_placed) + " 人は決まっていません。"
             : std::to_string(s.bed_patients) + " patients who need a bed have one; " +
                   std::to_string(s.not_placed) + (s.not_placed == 1 ? " has" : " have") +
                   " none.") +
        m_tr("搬送時間は平均 ", " Travel time: mean ") + minutes(s.mean_time_s) +
        m_tr(" 分、最大 ", " min, longest ") + minutes(s.max_time_s) + m_tr(" 分。", " min."));
    if (s.shelter_patients > 0) {
      key.paragraphs.push_back(
          m_tr("避難所を希望する ", "") + std::to_string(s.sheltered) + m_tr(" 人（全 ", " of ") +
          std::to_string(s.shelter_patients) +
          m_tr(" 人）が避難所に入れます。", " people who want a shelter place have one."));
    }
    if (s.backup_beds_in_use > 0) {
      key.paragraphs.push_back(m_tr("後方支援病床の使用：", "Backup beds in use: ") +
                               std::to_string(s.backup_beds_in_use));
    }
    p.blocks.push_back(std::move(key));
    p.credits = m_credits;
    return p;
  }

  MapBlock inject_map(std::size_t k) const {
    const drill::DrillInjectLayers& l = m_in.layers[k];
    MapBlock m;
    m.extent = drill_extent(m_s);
    m.caption = m_tr("地図：患者（色＝搬送先）・搬送経路・通行止め・受入病院",
                     "Map: patients (colour = destination), routes, closures, hospitals");
    if (m_in.boundary) {
      m.layers.push_back(map_layer(m_in.boundary, {}, false));
    }
    if (m_in.roads) {
      m.layers.push_back(map_layer(m_in.roads, m_tr("道路", "Roads")));
    }
    const auto drill_layer = [&](const core::LayerPtr& layer) {
      add_drill_layer(m.layers, layer, m_s, m_in.lang);
    };
    drill_layer(l.hazard_zones);
    drill_layer(k < m_in.closed_roads.size() ? m_in.closed_roads[k] : nullptr);
    drill_layer(l.routes);
    drill_layer(l.patients);
    drill_layer(l.hospitals);
    return m;
  }

  TableBlock load_table(const drill::InjectResult& r) const {
    TableBlock t;
    t.caption = m_tr("受入病院の状況", "Hospitals");
    t.headers = {m_tr("病院", "hospital"),  m_tr("受入", "patients"),
                 m_tr("空床", "free beds"), m_tr("後方支援", "backup beds"),
                 m_tr("使用率", "share"),   m_tr("状態", "state")};
    t.align = {Align::left, Align::right, Align::right, Align::right, Align::right, Align::left};
    for (std::size_t h = 0; h < m_s.hospitals.size(); ++h) {
      const drill::HospitalLoad& l = r.hospitals[h];
      t.rows.push_back({m_s.hospitals[h].name, std::to_string(l.load), std::to_string(l.free_beds),
                        std::to_string(l.backup_beds),
                        l.capacity() > 0 ? core::format_fixed(100.0 * l.share(), 0) + " %" : "–",
                        drill::load_state(l, m_in.lang)});
    }
    return t;
  }

  TextBlock change_text(const drill::InjectResult& r, std::size_t k) const {
    TextBlock t;
    t.heading = m_tr("この状況で", "At this inject");
    const drill::InjectSummary& s = r.summary;
    t.paragraphs.push_back(m_tr("配置 ", "Placed ") + std::to_string(s.placed) + " / " +
                           std::to_string(s.bed_patients) + m_tr("、未配置 ", ", not placed ") +
                           std::to_string(s.not_placed) + m_tr("、搬送時間 平均 ", "; mean ") +
                           minutes(s.mean_time_s) + m_tr(" 分・最大 ", " min, longest ") +
                           minutes(s.max_time_s) + m_tr(" 分。", " min."));
    if (k > 0) {
      const drill::InjectChange& c = r.change;
      t.paragraphs.push_back(
          m_tr("前の状況から搬送先が変わった患者 ", "Patients whose destination changed: ") +
          std::to_string(c.moved.size()) +
          m_tr(" 人（所要時間の増加 合計 ", " (travel time added ") +
          (c.time_added_s >= 0 ? "+" : "") + minutes(c.time_added_s) + m_tr(" 分）。", " min).") +
          m_tr("新たに満床：", " Now full: ") + hospitals_named(c.hospitals_now_full) +
          m_tr("。", "."));
    }
    std::vector<std::string> closures;
    for (const drill::NamedClosure& c : r.state.closures) {
      closures.push_back(c.name);
    }
    if (!closures.empty()) {
      std::string line = m_tr("通行止め・危険区域：", "Closures and hazard zones: ");
      for (std::size_t i = 0; i < closures.size(); ++i) {
        line += (i ? m_tr("、", ", ") : "") + closures[i];
      }
      t.paragraphs.push_back(line);
    }
    return t;
  }

  Page inject_page(std::size_t k) const {
    const drill::InjectResult& r = m_r.injects[k];
    Page p;
    p.heading = at(r) + "　" + r.state.title;
    p.blocks.push_back(inject_map(k));
    p.blocks.push_back(change_text(r, k));
    p.credits = m_credits;
    return p;
  }

  static constexpr std::size_t kLoadTablesPerPage = 3;

  Page loads_page(std::size_t first) const {
    Page p;
    p.heading = m_tr("受入病院の状況", "Hospitals, inject by inject");
    for (std::size_t k = first; k < m_r.injects.size() && k < first + kLoadTablesPerPage; ++k) {
      const drill::InjectResult& r = m_r.injects[k];
      TableBlock t = load_table(r);
      t.caption = at(r) + "　" + r.state.title;
      p.blocks.push_back(std::move(t));
    }
    p.credits = m_credits;
    return p;
  }

  Page not_placed_page() const {
    Page p;
    p.heading =
        m_tr("入院先・避難先が決まらなかった患者", "Patients without a bed or shelter place");
    TableBlock t;
    t.caption = m_tr("状況ごとの未配置の患者と理由", "Not placed, inject by inject, and why");
    t.headers = {m_tr("時刻", "time"), m_tr("患者", "patient"), m_tr("必要", "wants"),
                 m_tr("理由", "reason")};
    constexpr std::size_t kMaxRows = 40;
    std::size_t rows = 0;
    // A patient left without a place stays so inject after inject: the table lists every
    // inject, the chart counts patients (each once per reason), the cases in brackets.
    struct ReasonCount {
      std::set<std::size_t> patients;
      std::size_t cases = 0;
    };
    std::map<std::string, ReasonCount> reasons;
    for (const drill::InjectResult& r : m_r.injects) {
      for (std::size_t i = 0; i < m_s.patients.size(); ++i) {
        const drill::PatientOutcome& o = r.patients[i];
        if (o.placed() || !o.not_placed) {
          continue;
        }
        const std::string reason = drill::describe(*o.not_placed).in(m_in.lang);
        reasons[reason].patients.insert(i);
        ++reasons[reason].cases;
        if (++rows <= kMaxRows) {
          t.rows.push_back(
              {at(r), m_s.patients[i].id,
               m_s.patients[i].wants_shelter ? m_tr("避難所", "shelter") : m_tr("入院", "bed"),
               reason});
        }
      }
    }
    if (rows == 0) {
      TextBlock none;
      none.paragraphs.push_back(
          m_tr("どの状況でも、全員に入院先または避難先が決まりました。",
               "At every inject every patient had a bed or a shelter place."));
      p.blocks.push_back(std::move(none));
    } else {
      if (rows > kMaxRows) {
        t.note = m_tr("ほか ", "and ") + std::to_string(rows - kMaxRows) +
                 m_tr(" 件（全件は caremap drill run --out-dir の drill_assignment.csv）",
                      " more (all of them: drill_assignment.csv from caremap drill run --out-dir)");
      }
      p.blocks.push_back(std::move(t));
      ChartBlock why;
      why.caption =
          m_tr("理由別の患者数（同じ患者は理由ごとに1人と数える。括弧内は全状況の延べ件数）",
               "Patients by reason (each patient counted once per reason; in brackets, "
               "the cases over all injects)");
      why.axis_label = m_tr("人", "patients");
      for (const auto& [reason, count] : reasons) {
        const std::size_t n = count.patients.size();
        std::string value = std::to_string(n) + m_tr(" 人", "");
        if (count.cases > n) {
          value += m_tr("（延べ ", " (") + std::to_string(count.cases) +
                   m_tr(" 件）", count.cases == 1 ? " case)" : " cases)");
        }
        why.bars.push_back({reason, static_cast<double>(n), value});
      }
      p.blocks.push_back(std::move(why));
    }
    p.credits = m_credits;
    return p;
  }

  Page conditions_page() const {
    Page p;
    p.heading = m_tr("データと条件", "Data and conditions");
    KeyValueBlock run;
    run.heading = m_tr("訓練の条件", "The drill");
    run.rows.push_back({m_tr("シナリオ", "Scenario"), m_in.scenario_path});
    run.rows.push_back(
        {m_tr("患者", "Patients"), std::to_string(m_s.patients.size()) + drill_mark()});
    run.rows.push_back({m_tr("受入病院", "Hospitals"), std::to_string(m_s.hospitals.size())});
    run.rows.push_back({m_tr("避難所", "Shelters"), std::to_string(m_s.shelters.size())});
    run.rows.push_back({m_tr("状況付与", "Injects"), std::to_string(m_r.injects.size())});
    run.rows.push_back({m_tr("所要時間の基準", "Times"), m_r.basis.in(m_in.lang)});
    run.rows.push_back(
        {m_tr("地図の道路", "Roads on the maps"),
         m_in.road_basis.empty() ? m_tr("なし", "none") : m_in.road_basis.in(m_in.lang)});
    std::vector<core::LayerPtr> named = m_in.region_layers;
    named.insert(named.end(), {m_in.boundary, m_in.roads});
    const SourceNames names = source_names(named, m_in.lang);
    run.rows.push_back({m_tr("パラメータ", "Parameters"),
                        parameters_text(m_r.provenance.parameters, m_in.lang, names)});
    run.rows.push_back({m_tr("作成日", "Date"), m_in.date});
    run.rows.push_back({m_tr("ソフトウェア", "Software"), m_in.software});
    p.blocks.push_back(std::move(run));

    const std::vector<core::SourceRef> inputs =
        with_inputs_of(m_r.provenance.inputs, {m_in.boundary, m_in.roads});
    p.blocks.push_back(sources_block(inputs, m_in.lang, names));

    TextBlock limits;
    limits.heading = m_tr("読み方と限界", "How to read this, and limits");
    if (m_s.drill_data) {
      limits.paragraphs.push_back(
          m_tr("患者は訓練のために生成した架空のデータで、実在の患者ではありません。",
               "The patients were generated for the drill: they are not real people."));
    }
    limits.paragraphs.push_back(
        m_tr("入院先は、空床（後方支援病床は費用を上乗せして最後に）と必要な医療（透析・人工呼吸器"
             "など）、被災・停電を条件に、全員の搬送時間の合計が最小になるよう一括で決めています。",
             "Beds are assigned all at once to make the total travel time smallest, within free "
             "beds (backup beds last, at an added cost), the care each patient needs (dialysis, "
             "ventilator, ...), damage and power."));
    limits.paragraphs.push_back(m_tr("所要時間の基準：", "What the times stand on: ") +
                                m_r.basis.in(m_in.lang) + m_tr("。", "."));
    p.blocks.push_back(std::move(limits));
    p.credits = m_credits;
    add_credits(p.credits, inputs);
    return p;
  }

  const DrillReportInputs& m_in;
  const drill::Scenario& m_s;
  const drill::DrillResult& m_r;
  Tr m_tr;
  std::vector<std::string> m_credits;
};

}  // namespace

Report drill_report(const DrillReportInputs& in) {
  if (!in.scenario || !in.result) {
    throw core::ArgumentError("a drill report needs the scenario and its result");
  }
  if (in.result->injects.empty() || in.layers.size() != in.result->injects.size()) {
    throw core::ArgumentError("a drill report needs the map layers of every inject");
  }
  return Builder(in).build();
}

}  // namespace caremap::report
