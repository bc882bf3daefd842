#include "cli/report_printing.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "report/render_report.hpp"
#include "report/report_output.hpp"

namespace caremap::cli {

namespace {

namespace fs = std::filesystem;

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

}  // namespace

void add_print_options(CLI::App& cmd, PrintOptions& o) {
  cmd.add_option("--out", o.out,
                 "Output file: .pdf (every page), .svg or .png (one file per page: "
                 "name.png, name-2.png, ...)")
      ->required();
  cmd.add_option("--paper", o.paper, "a4 or a3")->capture_default_str();
  cmd.add_option("--orientation", o.orientation, "portrait or landscape")->capture_default_str();
  cmd.add_option("--dpi", o.dpi, "Resolution of PNG pages")->capture_default_str();
  cmd.add_option("--lang", o.lang, "ja (default) or en")->capture_default_str();
  cmd.add_option("--date", o.date, "Date printed on the pages (default: today, UTC)");
  cmd.add_flag("!--no-roads", o.roads, "Leave the road network off the maps");
}

CheckedPrint check_print_options(const PrintOptions& o) {
  CheckedPrint out;
  out.setup = page_setup(o);
  const auto lang = core::parse_lang(o.lang);
  if (!lang) {
    throw core::ArgumentError("--lang must be ja or en, not '" + o.lang + "'");
  }
  out.lang = *lang;
  if (const fs::path dir = fs::path(o.out).parent_path(); !dir.empty() && !fs::is_directory(dir)) {
    throw core::OutputError("the directory of --out does not exist: " + dir.string());
  }
  out.date = o.date.empty() ? report::today_utc() : o.date;
  return out;
}

int write_report(const report::Report& doc, const PrintOptions& o, const CheckedPrint& print,
                 const ReportFlags& flags, const core::Diagnostics& diagnostics, PhaseTimer& timer,
                 CommandContext& context) {
  const report::PageSetup& setup = print.setup;
  const auto files = report::render_report(doc, setup).files;
  timer.lap("render");
  const auto size = setup.size();
  for (const auto& f : files) {
    const fs::path path = report::page_path(o.out, f.first_page);
    io::write_file_atomically(path, f.bytes);
    context.err << "wrote " << path.string() << '\n';
  }
  timer.lap("write");
  if (flags.json) {
    nlohmann::ordered_json j;
    j["out"] = o.out;
    j["pages"] = doc.pages.size();
    j["size_pt"] = {size.width_pt, size.height_pt};
    auto& written = j["files"] = nlohmann::ordered_json::array();
    for (const auto& f : files) {
      written.push_back(report::page_path(o.out, f.first_page).string());
    }
    context.out << j.dump(2) << '\n';
    return finish_command(flags, diagnostics, timer, context);
  }
  context.out << o.out << ": " << doc.pages.size() << " pages, "
              << (setup.paper == report::Paper::a4 ? "A4" : "A3") << ' '
              << (setup.orientation == report::Orientation::portrait ? "portrait" : "landscape")
              << " (" << size.width_pt << " x " << size.height_pt << " pt)";
  if (files.size() > 1) {
    context.out << ", one file per page";
  }
  context.out << '\n';
  return finish_command(flags, diagnostics, timer, context);
}

}  // namespace caremap::cli
