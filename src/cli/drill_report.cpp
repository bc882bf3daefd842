#include "cli/drill_report.hpp"

#include <algorithm>
#include <map>

#include "cli/text_table.hpp"
#include "drill/drill_map.hpp"

namespace caremap::cli {

namespace {

// The two languages side by side, picked once per line.
struct Say {
  core::Lang lang;
  const char* operator()(const char* ja, const char* en) const {
    return lang == core::Lang::ja ? ja : en;
  }
};

std::string minutes(double s) {
  return format_fixed(s / 60.0, 1);
}

void print_reasons(const drill::Scenario& scenario, const drill::InjectResult& r, Say say,
                   std::ostream& out) {
  std::map<drill::NotPlaced, std::size_t> reasons;
  for (std::size_t i = 0; i < scenario.patients.size(); ++i) {
    if (!scenario.patients[i].wants_shelter && r.patients[i].not_placed) {
      ++reasons[*r.patients[i].not_placed];
    }
  }
  for (const auto& [reason, n] : reasons) {
    out << "    " << drill::describe(reason).in(say.lang) << ": " << n << say("人", "") << "\n";
  }
}

void print_loads(const drill::Scenario& scenario, const drill::InjectResult& r, Say say,
                 std::ostream& out) {
  TextTable t({say("病院", "hospital"), say("受入", "load"), say("空床", "free"),
               say("後方支援", "backup"), say("使用率", "share"), say("状態", "state")},
              {Align::left, Align::right, Align::right, Align::right, Align::right, Align::left});
  for (std::size_t h = 0; h < scenario.hospitals.size(); ++h) {
    const drill::HospitalLoad& l = r.hospitals[h];
    const std::string state = drill::load_state(l, say.lang);
    t.add_row({scenario.hospitals[h].name, std::to_string(l.load), std::to_string(l.free_beds),
               std::to_string(l.backup_beds),
               l.capacity() > 0 ? format_fixed(100.0 * l.share(), 0) + " %" : "-", state});
  }
  t.print(out);
}

std::string hospital_list(const drill::Scenario& scenario, const std::vector<std::uint32_t>& hs,
                          Say say) {
  std::string s;
  for (std::uint32_t h : hs) {
    s += (s.empty() ? "" : say("、", ", ")) + scenario.hospitals[h].name;
  }
  return s.empty() ? say("なし", "none") : s;
}

void print_change(const drill::Scenario& scenario, const drill::InjectResult& r, Say say,
                  std::ostream& out) {
  const drill::InjectChange& c = r.change;
  std::size_t moved = 0;
  std::size_t lost = 0;
  std::size_t found = 0;
  for (const drill::Move& m : c.moved) {
    moved += m.from != drill::kNotPlaced && m.to != drill::kNotPlaced ? 1 : 0;
    lost += m.from != drill::kNotPlaced && m.to == drill::kNotPlaced ? 1 : 0;
    found += m.from == drill::kNotPlaced && m.to != drill::kNotPlaced ? 1 : 0;
  }
  out << "  " << say("前の状況からの変化: ", "Since the inject before: ") << say("搬送先変更 ", "")
      << moved << say("人", " moved") << say("、配置を失った ", ", ") << lost
      << say("人", " lost their place") << say("、新たに配置 ", ", ") << found
      << say("人", " newly placed") << say("、所要時間の増加 合計 ", ", travel time added ")
      << (c.time_added_s >= 0 ? "+" : "") << minutes(c.time_added_s) << say(" 分", " min") << "\n";
  out << "  " << say("新たに満床: ", "Now full: ")
      << hospital_list(scenario, c.hospitals_now_full, say) << "\n";
  // The largest moves first: what a drill leader calls about.
  std::vector<const drill::Move*> moves;
  for (const drill::Move& m : c.moved) {
    moves.push_back(&m);
  }
  std::stable_sort(moves.begin(), moves.end(), [](const drill::Move* a, const drill::Move* b) {
    return a->time_added_s > b->time_added_s;
  });
  const auto site = [&](const drill::Patient& p, std::int32_t s) -> std::string {
    if (s == drill::kNotPlaced) {
      return say("（なし）", "(none)");
    }
    return p.wants_shelter ? scenario.shelters[static_cast<std::size_t>(s)].name
                           : scenario.hospitals[static_cast<std::size_t>(s)].name;
  };
  for (std::size_t k = 0; k < moves.size() && k < 5; ++k) {
    const drill::Move& m = *moves[k];
    const drill::Patient& p = scenario.patients[m.patient];
    out << "    " << p.id << ": " << site(p, m.from) << " → " << site(p, m.to);
    if (m.from != drill::kNotPlaced && m.to != drill::kNotPlaced) {
      out << " (" << (m.time_added_s >= 0 ? "+" : "") << minutes(m.time_added_s)
          << say(" 分)", " min)");
    }
    out << "\n";
  }
  if (moves.size() > 5) {
    out << "    " << say("ほか ", "and ") << moves.size() - 5 << say(" 人", " more") << "\n";
  }
}

}  // namespace

void print_drill_summary(const drill::Scenario& scenario, const drill::DrillResult& result,
                         core::Lang lang, std::ostream& out) {
  const Say say{lang};
  out << scenario.title << "\n";
  if (scenario.drill_data) {
    out << say("※ 患者は訓練用に生成したデータです（実在の患者ではありません）",
               "Note: the patients are generated drill data, not real patients")
        << "\n";
  }
  out << say("所要時間の根拠: ", "Travel times: ") << result.basis.in(lang);
  if (!result.by_road) {
    out << say("（道路網なし：直線距離による推定）", " (no road network: straight-line estimate)");
  }
  out << "\n";
  for (const drill::InjectResult& r : result.injects) {
    const drill::InjectSummary& s = r.summary;
    out << "\n== t = " << format_fixed(r.state.t_min, 0) << say(" 分  ", " min  ") << r.state.title
        << " ==\n";
    if (!r.state.closures.empty()) {
      out << "  " << say("通行止め・危険区域: ", "Closures and hazard zones: ");
      for (std::size_t i = 0; i < r.state.closures.size(); ++i) {
        out << (i > 0 ? say("、", ", ") : "") << r.state.closures[i].name;
      }
      out << "\n";
    }
    out << "  " << say("病床: ", "Beds: ") << s.placed << " / " << s.bed_patients
        << say(" 人を配置、未配置 ", " placed, ") << s.not_placed << say(" 人", " not placed")
        << "\n";
    print_reasons(scenario, r, say, out);
    if (s.placed > 0) {
      out << "  " << say("所要時間: 平均 ", "Travel time: mean ") << minutes(s.mean_time_s)
          << say(" 分、最大 ", " min, max ") << minutes(s.max_time_s) << say(" 分", " min") << "\n";
    }
    if (s.shelter_patients > 0) {
      out << "  " << say("避難所: ", "Shelters: ") << s.sheltered << " / " << s.shelter_patients
          << say(" 人", " placed") << "\n";
    }
    out << "  " << say("後方支援病床の使用: ", "Backup beds in use: ") << s.backup_beds_in_use
        << "\n";
    out << "  " << say("使用率80%超: ", "Above 80 % load: ")
        << hospital_list(scenario, s.above_80_percent, say) << "\n";
    print_loads(scenario, r, say, out);
    if (&r != &result.injects.front()) {
      print_change(scenario, r, say, out);
    }
  }
}

}  // namespace caremap::cli
