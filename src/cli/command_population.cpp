// `caremap population import FILE --out mesh.gpkg`: an e-Stat 地域メッシュ統計 file (or any
// population layer) read as published, with a report of every choice the reader made (rows,
// secret cells, merged groups, unknown columns), written as a population layer with its mesh
// polygons; with a region, the people per city after apportionment.

#include <memory>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output_writing.hpp"
#include "cli/phase_timer.hpp"
#include "cli/population_tables.hpp"
#include "cli/region_loading.hpp"
#include "cli/region_tables.hpp"
#include "cli/report_flags.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "io/estat_mesh.hpp"

namespace caremap::cli {

namespace {

struct PopulationImportOptions {
  std::string file;
  std::string region = "munakata-fukutsu";
  std::string title;
  std::string data_date;
  std::string credit =
      "出典：政府統計の総合窓口(e-Stat)（https://www.e-stat.go.jp/）、国勢調査 地域メッシュ統計";
  ReportFlags report;
  OutputOptions output;
};

void print_report(const io::EstatReport& r, const io::Region& region, std::ostream& out) {
  out << "e-Stat mesh statistics: " << r.rows << " rows, " << r.cells << " cells";
  for (const auto& l : r.levels) {
    out << " (" << l << ")";
  }
  out << ", " << r.skipped_rows << " rows skipped; " << format_people(r.people)
      << " people in all.\n";
  out << "Secret cells (秘匿処理): " << r.withheld_cells
      << " cells withheld their details (HTKSYORI=2) into " << r.receiving_cells
      << " receiving cells (HTKSYORI=1), one merged group each;\n"
      << "  totals (people, by sex, households) are each cell's own; the age and household-type\n"
      << "  columns of a group are shared among its " << r.shared_cells
      << " cells in proportion to their own totals.\n";
  if (r.unresolved_withheld > 0) {
    out << "  " << r.unresolved_withheld
        << " withheld cells name a receiving cell that is not in the file: their breakdown is "
           "unknown (null).\n";
  }
  out << "Values: " << r.dash_values << " '-' read as 0; " << r.unknown_values
      << " '*', 'X' or empty left unknown (null).\n";
  out << "Columns read by label (" << (r.columns.size() - r.unknown_columns.size()) << " of "
      << r.columns.size() << "):\n";
  TextTable table({"item code", "label", "field"}, {Align::left, Align::left, Align::left});
  for (const auto& c : r.columns) {
    table.add_row({c.item_code, c.label, c.field.empty() ? "(not read)" : c.field});
  }
  table.print(out);
  if (!r.unknown_columns.empty()) {
    out << r.unknown_columns.size()
        << " columns not read (label unknown to caremap, or a second column with the same "
           "meaning).\n";
  }
  out << "Mesh polygons in " << region.working_crs.short_label() << " (the working CRS of "
      << region.project.title << ").\n\n";
}

nlohmann::ordered_json report_json(const io::EstatReport& r) {
  nlohmann::ordered_json j{{"rows", r.rows},
                           {"cells", r.cells},
                           {"skipped_rows", r.skipped_rows},
                           {"people", r.people},
                           {"ordinary_cells", r.ordinary_cells},
                           {"withheld_cells", r.withheld_cells},
                           {"receiving_cells", r.receiving_cells},
                           {"merged_groups", r.receiving_cells},
                           {"shared_cells", r.shared_cells},
                           {"unresolved_withheld", r.unresolved_withheld},
                           {"unknown_values", r.unknown_values},
                           {"dash_values", r.dash_values},
                           {"levels", r.levels}};
  auto& cols = j["columns"] = nlohmann::ordered_json::array();
  for (const auto& c : r.columns) {
    cols.push_back(
        {{"item_code", c.item_code},
         {"label", c.label},
         {"field", c.field.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.field)}});
  }
  return j;
}

int run_import(const PopulationImportOptions& o, CommandContext& context) {
  PhaseTimer timer;
  prepare_outputs(o.output);
  const io::Region region = load_region(o.region, context);
  io::LayerSpec spec;
  spec.id = "population";
  spec.title = o.title.empty() ? "人口" : o.title;
  spec.source = o.file;
  spec.category = core::Category::population;
  spec.data_date = o.data_date;
  spec.credit = o.credit;
  const std::filesystem::path path(o.file);
  if (!io::is_estat_mesh_file(path)) {
    core::ErrorContext ctx;
    ctx.file = o.file;
    throw core::InputError(
        std::filesystem::exists(path)
            ? "not an e-Stat mesh statistics file (the first header row must start with "
              "KEY_CODE); other population layers go in the project file with count_field"
            : "file not found",
        ctx);
  }
  io::EstatMeshRead read = io::read_estat_mesh(spec, path, region.working_crs);
  timer.lap("read");
  core::Diagnostics diagnostics = read.loaded.diagnostics;

  // The people per city of this file, apportioned to the region's boundary.
  std::optional<RegionPeople> people;
  if (!region.boundaries().empty()) {
    RegionPeople p;
    p.demand = analysis::population_demand(*read.loaded.layer, &boundary_layer(region), &p.report,
                                           &diagnostics);
    p.credit = spec.credit;
    people = std::move(p);
    timer.lap("apportion");
  }
  if (o.report.json) {
    nlohmann::ordered_json j;
    j["file"] = o.file;
    j["report"] = report_json(read.report);
    if (people) {
      j["people"] = people_json(*people);
    }
    context.out << j.dump(2) << '\n';
  } else {
    print_report(read.report, region, context.out);
    if (people) {
      print_people_by_city(*people, context.out);
    }
  }
  if (wants_output(o.output)) {
    write_outputs({read.loaded.layer}, o.output, context);
    timer.lap("write");
  }
  return finish_command(o.report, diagnostics, timer, context);
}

}  // namespace

void add_population_command(CLI::App& root, CommandRegistry& registry) {
  CLI::App* cmd =
      root.add_subcommand("population", "Census population: import an e-Stat mesh file");
  cmd->require_subcommand(1);
  auto o = std::make_shared<PopulationImportOptions>();
  CLI::App* imp = cmd->add_subcommand(
      "import",
      "Read an e-Stat 地域メッシュ統計 file as published (CP932, secret cells) into a population "
      "layer with mesh polygons, and report every choice made");
  imp->add_option("file", o->file, "The e-Stat file (e.g. tblT001101H5030.txt)")->required();
  imp->add_option("--region", o->region,
                  "Region whose working CRS and cities are used (people per city)")
      ->capture_default_str();
  imp->add_option("--title", o->title, "Layer title (default 人口)");
  imp->add_option("--data-date", o->data_date, "Date of the census (e.g. 2020-10-01)");
  imp->add_option("--credit", o->credit, "Credit line stored with the layer")
      ->capture_default_str();
  add_output_options(*imp, o->output, "the population layer (mesh polygons with counts)");
  add_report_flags(*imp, o->report);
  registry.push_back({imp, [o](CommandContext& c) { return run_import(*o, c); }});
}

}  // namespace caremap::cli
