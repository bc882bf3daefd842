// `caremap report coverage`: the committee handout of a coverage run, a multi-page PDF (or one
// SVG / PNG per page) with maps, tables, charts, an atlas page per city and the provenance.
// The figures come from the same run `caremap coverage` makes (cli/coverage_run.hpp).

#include <chrono>
#include <ctime>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "analysis/category_people_bands.hpp"
#include "analysis/network_sites.hpp"
#include "analysis/road_layer.hpp"
#include "cli/command.hpp"
#include "cli/coverage_run.hpp"
#include "cli/exit_codes.hpp"
#include "cli/network_loading.hpp"
#include "cli/phase_timer.hpp"
#include "cli/region_loading.hpp"
#include "cli/region_tables.hpp"
#include "cli/report_flags.hpp"
#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "report/coverage_report.hpp"
#include "report/render_report.hpp"

namespace caremap::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kSoftware = "caremap 0.1.0";

struct PrintOptions {
  std::string out;
  std::string paper = "a4";
  std::string orientation = "portrait";
  double dpi = 150.0;
  std::string lang = "ja";
  std::string date;  ///< printed date; default today (UTC)
  bool roads = true;
};

struct ReportCoverageOptions {
  std::string region = "munakata-fukutsu";
  CoverageRequest request;
  PrintOptions print;
  ReportFlags flags;
};

// The bands of the per-person distance histogram: finer than summary's, out to the 16 km of a
// home visit.
const std::vector<double> kHistogramBands_m = {500, 1000, 2000, 4000, 8000, 16000};

std::string today_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

report::PageSetup page_setup(const PrintOptions& o) {
  report::PageSetup setup;
  const auto paper = report::parse_paper(o.paper);
  if (!paper) {
    throw core::ArgumentError("--paper must be a4 or a3, not '" + o.paper + "'");
  }
  const auto orientation = report::parse_orientation(o.orientation);
  if (!orientation) {
    throw core::ArgumentError("--orientation must be portrait or landscape, not '" + o.orientation +
                              "'");
  }
  const auto format = report::format_of_extension(fs::path(o.out).extension().string());
  if (!format) {
    throw core::ArgumentError("--out must end in .pdf, .svg or .png: " + o.out);
  }
  if (!(o.dpi >= 10.0 && o.dpi <= 1200.0)) {
    throw core::ArgumentError("--dpi must be between 10 and 1200");
  }
  setup.paper = *paper;
  setup.orientation = *orientation;
  setup.format = *format;
  setup.dpi = o.dpi;
  return setup;
}

// The file of page `first_page`: the path given for the first, "<stem>-<page><ext>" after it.
fs::path page_path(const fs::path& out, std::size_t first_page) {
  if (first_page == 1) {
    return out;
  }
  return out.parent_path() /
         (out.stem().string() + "-" + std::to_string(first_page) + out.extension().string());
}

// Every facility category present in the region, in declaration order (hospital first).
std::vector<core::Category> facility_categories(const std::vector<core::LayerPtr>& layers) {
  std::vector<core::Category> out;
  for (const core::Category c : core::all_categories()) {
    if (!core::is_facility(c)) {
      continue;
    }
    for (const auto& l : layers) {
      if (l->count(c) > 0) {
        out.push_back(c);
        break;
      }
    }
  }
  return out;
}

int run_report_coverage(const ReportCoverageOptions& o, CommandContext& context) {
  PhaseTimer timer;
  const report::PageSetup setup = page_setup(o.print);
  const auto lang = core::parse_lang(o.print.lang);
  if (!lang) {
    throw core::ArgumentError("--lang must be ja or en, not '" + o.print.lang + "'");
  }
  if (const fs::path dir = fs::path(o.print.out).parent_path();
      !dir.empty() && !fs::is_directory(dir)) {
    throw core::OutputError("the directory of --out does not exist: " + dir.string());
  }
  const io::Region region = load_region(o.region, context);
  timer.lap("read");
  CoverageRun run = run_coverage_analysis(o.request, region, context, timer);

  report::CoverageReportInputs in;
  in.lang = *lang;
  in.region_title = region.project.title;
  in.categories = run.categories;
  in.coverage = &run.result;
  boundary_layer(region);  // throws, naming the region, when it has no boundary
  in.boundary = region.boundaries().front()->layer;
  in.facilities = run.facility_layers;
  for (const auto* l : region.of_category(core::Category::hospital)) {
    if (std::find(in.facilities.begin(), in.facilities.end(), l->layer) == in.facilities.end()) {
      in.context.push_back(l->layer);
    }
  }
  if (const io::LoadedLayer* population = region.population()) {
    in.population = population->layer;
  }
  if (run.people) {
    in.demand = &run.people->demand;
    in.people_credit = run.people->credit;
    const auto facilities = facility_layers(region);
    in.distances = analysis::people_bands_by_category(*in.demand, facilities, run.categories,
                                                      nullptr, run.diagnostics, kHistogramBands_m);
    in.all_distances = analysis::people_bands_by_category(
        *in.demand, facilities, facility_categories(facilities), nullptr, run.diagnostics);
  }
  timer.lap("distances");
  std::optional<LoadedNetwork> network;
  if (o.print.roads) {
    network = region_network(region, context);
  }
  if (network) {
    const auto& net = *network->network;
    in.road_basis = net.basis().empty() ? analysis::network_distance_basis(net) : net.basis();
    in.roads =
        analysis::road_layer(net, "roads", region.working_crs.definition,
                             *lang == core::Lang::ja ? "道路" : "Roads", network->source.string());
    run.diagnostics.append(network->diagnostics);
    timer.lap("roads");
  }
  in.software = kSoftware;
  in.date = o.print.date.empty() ? today_utc() : o.print.date;

  const report::Report doc = report::coverage_report(in);
  const auto files = report::render_report(doc, setup).files;
  timer.lap("render");
  const auto size = setup.size();
  for (const auto& f : files) {
    const fs::path path = page_path(o.print.out, f.first_page);
    io::write_file_atomically(path, f.bytes);
    context.err << "wrote " << path.string() << '\n';
  }
  timer.lap("write");
  if (o.flags.json) {
    nlohmann::ordered_json j;
    j["out"] = o.print.out;
    j["pages"] = doc.pages.size();
    j["size_pt"] = {size.width_pt, size.height_pt};
    auto& written = j["files"] = nlohmann::ordered_json::array();
    for (const auto& f : files) {
      written.push_back(page_path(o.print.out, f.first_page).string());
    }
    context.out << j.dump(2) << '\n';
    return finish_command(o.flags, run.diagnostics, timer, context);
  }
  context.out << o.print.out << ": " << doc.pages.size() << " pages, "
              << (setup.paper == report::Paper::a4 ? "A4" : "A3") << ' '
              << (setup.orientation == report::Orientation::portrait ? "portrait" : "landscape")
              << " (" << size.width_pt << " x " << size.height_pt << " pt)";
  if (files.size() > 1) {
    context.out << ", one file per page";
  }
  context.out << '\n';
  return finish_command(o.flags, run.diagnostics, timer, context);
}

}  // namespace

void add_report_command(CLI::App& root, CommandRegistry& registry) {
  CLI::App* report = root.add_subcommand(
      "report",
      "Committee handouts: multi-page PDF (or SVG / PNG pages) with maps, tables, "
      "charts and credits, in Japanese by default");
  report->require_subcommand(1);
  auto o = std::make_shared<ReportCoverageOptions>();
  CLI::App* cmd = report->add_subcommand(
      "coverage",
      "Coverage by a kind of facility: maps, figures by city, distances per person, "
      "one atlas page per city, data and conditions");
  cmd->add_option("--region", o->region, "Region name or path to a .caremap.json project file")
      ->capture_default_str();
  add_coverage_request_options(*cmd, o->request);
  cmd->add_option("--out", o->print.out,
                  "Output file: .pdf (every page), .svg or .png (one file per page: "
                  "name.png, name-2.png, ...)")
      ->required();
  cmd->add_option("--paper", o->print.paper, "a4 or a3")->capture_default_str();
  cmd->add_option("--orientation", o->print.orientation, "portrait or landscape")
      ->capture_default_str();
  cmd->add_option("--dpi", o->print.dpi, "Resolution of PNG pages")->capture_default_str();
  cmd->add_option("--lang", o->print.lang, "ja (default) or en")->capture_default_str();
  cmd->add_option("--date", o->print.date, "Date printed on the pages (default: today, UTC)");
  cmd->add_flag("!--no-roads", o->print.roads, "Leave the road network off the maps");
  add_report_flags(*cmd, o->flags, true);
  registry.push_back({cmd, [o](CommandContext& c) { return run_report_coverage(*o, c); }});
}

}  // namespace caremap::cli
