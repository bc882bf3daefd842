#include "report/drill_atlas.hpp"

#include <algorithm>
#include <map>

#include "core/number_format.hpp"
#include "drill/drill_map.hpp"
#include "report/report_parts.hpp"

namespace caremap::report {

void add_drill_layer(std::vector<MapLayer>& layers, const core::LayerPtr& layer,
                     const drill::Scenario& scenario, core::Lang lang) {
  if (!layer) {
    return;
  }
  MapLayer ml = map_layer(layer);
  drill::apply_drill_style(*layer, scenario, lang, ml.style);
  layers.push_back(std::move(ml));
}

namespace {

using core::Lang;

// The smallest side of a hospital's map: a hospital that took one patient next door still shows
// the streets and neighbours around it.
constexpr double kMinSide = 4000.0;

std::string minutes(double s) {
  return core::format_fixed(s / 60.0, 1);
}

// Where patient i went at each inject of the drill, for one hospital.
struct HospitalPatients {
  std::vector<std::size_t> patients;  ///< ever at the hospital, scenario order
  std::vector<std::size_t> latest;    ///< per patient above: the last inject at the hospital
  std::size_t at_last = 0;            ///< of them, at the hospital at the last inject
};

HospitalPatients patients_of(const drill::Scenario& s, const drill::DrillResult& r, std::size_t h) {
  HospitalPatients out;
  for (std::size_t i = 0; i < s.patients.size(); ++i) {
    if (s.patients[i].wants_shelter) {
      continue;  // a shelter place is not a bed: its site index is a shelter's
    }
    std::optional<std::size_t> latest;
    for (std::size_t k = 0; k < r.injects.size(); ++k) {
      if (r.injects[k].patients[i].site == static_cast<std::int32_t>(h)) {
        latest = k;
      }
    }
    if (latest) {
      out.patients.push_back(i);
      out.latest.push_back(*latest);
      out.at_last += *latest + 1 == r.injects.size() ? 1 : 0;
    }
  }
  return out;
}

class AtlasBuilder {
 public:
  AtlasBuilder(const DrillReportInputs& in, const std::vector<std::string>& credits)
      : m_in(in), m_s(*in.scenario), m_r(*in.result), m_tr{in.lang}, m_credits(credits) {}

  Page page(std::size_t h) const {
    const HospitalPatients hp = patients_of(m_s, m_r, h);
    Page p;
    p.heading = m_tr("病院別：", "Hospital: ") + m_s.hospitals[h].name;
    p.blocks.push_back(map(h, hp));
    p.blocks.push_back(words(h, hp));
    // The table alone (share and state included): a chart beside it would leave the map too
    // little height on landscape paper.
    p.blocks.push_back(load_table(h));
    p.credits = m_credits;
    return p;
  }

 private:
  // The hospital's colour on the inject maps (drill::hospital_ramp: class 0 is "not placed").
  style::Rgba hospital_colour(std::size_t h) const {
    return drill::hospital_ramp(m_s, m_in.lang).colours.at(h + 1);
  }

  core::Box extent(std::size_t h, const HospitalPatients& hp) const {
    const core::XY at = m_s.hospitals[h].position;
    core::Box box{at, at};
    for (const std::size_t i : hp.patients) {
      box = *core::merge(box, core::Box{m_s.patients[i].position, m_s.patients[i].position});
    }
    return at_least(padded(box, 0.12), kMinSide);
  }

  // The patients the hospital took, each with its row of the last inject at which it went
  // there, coloured by whether it is still there at the last inject.
  MapLayer patients_layer(std::size_t h, const HospitalPatients& hp) const {
    const core::Layer& first = *m_in.layers.front().patients;
    auto l = std::make_shared<core::Layer>(first);
    l->features.clear();
    l->id = "drill_atlas_patients";
    l->title = m_tr("この病院に搬送された患者", "Patients taken to this hospital") +
               (m_s.drill_data ? m_tr("（訓練用データ）", " (drill data)") : "");
    l->fields.push_back({"here_at_last", core::FieldType::integer});
    const std::size_t last = m_r.injects.size() - 1;
    for (std::size_t n = 0; n < hp.patients.size(); ++n) {
      core::Feature f = m_in.layers[hp.latest[n]].patients->features.at(hp.patients[n]);
      f.values.emplace_back(std::int64_t{hp.latest[n] == last ? 0 : 1});
      l->features.push_back(std::move(f));
    }
    MapLayer m = map_layer(l);
    style::Ramp ramp;
    ramp.field = "here_at_last";
    ramp.breaks = {1.0};
    ramp.colours = {hospital_colour(h), style::rgb(0x8c8c8c)};
    ramp.labels = {m_tr("最後の状況でもこの病院", "Still here at the last inject"),
                   m_tr("その後ほかへ移った・未配置", "Moved on later, or not placed")};
    m.style.ramp = std::move(ramp);
    m.style.size_px = 12.0f;
    return m;
  }

  // The route of each of those patients at the inject the patient row comes from.
  core::LayerPtr routes_layer(const HospitalPatients& hp) const {
    std::optional<core::Layer> out;
    for (std::size_t n = 0; n < hp.patients.size(); ++n) {
      const core::Layer& routes = *m_in.layers[hp.latest[n]].routes;
      if (!out) {
        out = routes;
        out->features.clear();
      }
      const auto id_field = routes.field_index("patient_id");
      if (!id_field) {
        continue;
      }
      const std::string& id = m_s.patients[hp.patients[n]].id;
      for (const core::Feature& f : routes.features) {
        if (core::to_text(f.values[*id_field]) == id) {
          out->features.push_back(f);
        }
      }
    }
    if (!out) {
      return m_in.layers.back().routes;  // no patient: an empty layer keeps the legend alike
    }
    return std::make_shared<core::Layer>(std::move(*out));
  }

  MapBlock map(std::size_t h, const HospitalPatients& hp) const {
    MapBlock m;
    m.extent = extent(h, hp);
    m.caption = m_s.hospitals[h].name +
                m_tr("：搬送された患者と搬送経路（全状況）・最後の状況の通行止め",
                     ": its patients and their routes (all injects), closures at the last inject");
    if (m_in.boundary) {
      m.layers.push_back(map_layer(m_in.boundary, {}, false));
    }
    if (m_in.roads) {
      // No legend entry: the roads' speed classes would crowd out the patients' on a map this
      // size; what the roads are is in every page's subtitle.
      m.layers.push_back(map_layer(m_in.roads, m_tr("道路", "Roads"), false));
    }
    const auto drill_layer = [&](const core::LayerPtr& layer) {
      add_drill_layer(m.layers, layer, m_s, m_in.lang);
    };
    const std::size_t last = m_r.injects.size() - 1;
    drill_layer(m_in.layers[last].hazard_zones);
    drill_layer(last < m_in.closed_roads.size() ? m_in.closed_roads[last] : nullptr);
    drill_layer(routes_layer(hp));
    m.layers.push_back(patients_layer(h, hp));
    // Every hospital at the last inject for orientation, this one on top, larger and in its
    // patients' colour.
    const core::LayerPtr& hospitals = m_in.layers[last].hospitals;
    drill_layer(hospitals);
    auto self = std::make_shared<core::Layer>(*hospitals);
    self->features = {hospitals->features.at(h)};
    self->id = "drill_atlas_hospital";
    self->title = m_s.hospitals[h].name;
    MapLayer sm = map_layer(self);
    sm.style.size_px = 22.0f;
    sm.style.color = hospital_colour(h);
    m.layers.push_back(std::move(sm));
    return m;
  }

  TextBlock words(std::size_t h, const HospitalPatients& hp) const {
    TextBlock t;
    const drill::InjectResult& last = m_r.injects.back();
    if (hp.patients.empty()) {
      t.paragraphs.push_back(m_tr("この訓練では、どの状況でもこの病院に搬送された患者はいません。",
                                  "No patient was taken to this hospital at any inject."));
    } else {
      t.paragraphs.push_back(
          m_tr("いずれかの状況でこの病院に搬送された患者 ",
               "Patients taken here at some inject: ") +
          std::to_string(hp.patients.size()) + m_tr(" 人、うち最後の状況（", "; at the last (") +
          inject_time(last, m_in.lang) + m_tr("）でもこの病院にいるのは ", ") still here: ") +
          std::to_string(hp.at_last) + m_tr(" 人。", "."));
    }
    double sum = 0.0;
    double longest = 0.0;
    std::size_t n = 0;
    for (std::size_t i = 0; i < m_s.patients.size(); ++i) {
      const drill::PatientOutcome& o = last.patients[i];
      if (!m_s.patients[i].wants_shelter && o.site == static_cast<std::int32_t>(h)) {
        sum += o.time_s;
        longest = std::max(longest, o.time_s);
        ++n;
      }
    }
    if (n > 0) {
      t.paragraphs.push_back(
          m_tr("最後の状況での搬送時間：平均 ", "Travel time at the last inject: mean ") +
          minutes(sum / static_cast<double>(n)) + m_tr(" 分、最大 ", " min, longest ") +
          minutes(longest) + m_tr(" 分（", " min (") + m_r.basis.in(m_in.lang) +
          m_tr("）。", ")."));
    }
    return t;
  }

  TableBlock load_table(std::size_t h) const {
    TableBlock t;
    t.caption = m_tr("状況ごとの受入と病床", "Patients and beds, inject by inject");
    t.headers = {m_tr("時刻", "time"),      m_tr("状況", "inject"),     m_tr("受入", "patients"),
                 m_tr("空床", "free beds"), m_tr("後方支援", "backup"), m_tr("使用率", "share"),
                 m_tr("状態", "state")};
    t.align = {Align::left,  Align::left,  Align::right, Align::right,
               Align::right, Align::right, Align::left};
    for (const drill::InjectResult& r : m_r.injects) {
      const drill::HospitalLoad& l = r.hospitals[h];
      const std::string state = drill::load_state(l, m_in.lang);
      t.rows.push_back({inject_time(r, m_in.lang), r.state.title, std::to_string(l.load),
                        std::to_string(l.free_beds), std::to_string(l.backup_beds),
                        l.capacity() > 0 ? core::format_fixed(100.0 * l.share(), 0) + " %" : "–",
                        state.empty() ? m_tr("通常", "normal") : state});
    }
    t.note = m_tr(
        "空床・後方支援病床は訓練の想定（公表データではない）。使用率＝受入÷（空床＋後方支援）。",
        "Free and backup beds are the drill's assumptions, not published data. Share = "
        "patients / (free + backup beds).");
    return t;
  }

  const DrillReportInputs& m_in;
  const drill::Scenario& m_s;
  const drill::DrillResult& m_r;
  Tr m_tr;
  const std::vector<std::string>& m_credits;
};

}  // namespace

std::string inject_time(const drill::InjectResult& r, core::Lang lang) {
  return "t = " + core::format_fixed(r.state.t_min, 0) + (lang == Lang::ja ? " 分" : " min");
}

std::vector<Page> hospital_atlas_pages(const DrillReportInputs& in,
                                       const std::vector<std::string>& credits) {
  const AtlasBuilder b(in, credits);
  std::vector<Page> pages;
  for (std::size_t h = 0; h < in.scenario->hospitals.size(); ++h) {
    pages.push_back(b.page(h));
  }
  return pages;
}

}  // namespace caremap::report
